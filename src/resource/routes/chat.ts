/**
 * `POST /api/{user_id}/chat`: one assistant turn, as JSON or (Accept:
 * text/event-stream) as server-sent events. The turn runs to its end even if
 * the client goes away, so the stored conversation is never half a reply.
 *
 * `POST /api/{user_id}/chat/transcribe`: voice input. The body is the
 * recording; the answer is its transcript, for the composer (decision 026).
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { streamSSE } from "hono/streaming";
import { ChatRequest, ChatResponse, type ChatEvent } from "../../contracts/chat.ts";
import type { Db } from "../../db/client.ts";
import type { ChatModel } from "../../assistant/models/select.ts";
import { runTurn } from "../../assistant/run-turn.ts";
import { tooLarge, transcribe, type Transcriber } from "../../assistant/transcribe.ts";
import { TRANSCRIBE_BYTES_MAX, TRANSCRIBE_MEDIA_TYPES, Transcription } from "../../contracts/transcription.ts";
import type { ToolContext, WriteBudget } from "../../assistant/tools/define.ts";
import type { RowLimits } from "../../domain/quotas.ts";
import { errorJson } from "../../http/errors.ts";
import { docs } from "../../http/openapi.ts";
import type { AuthEnv } from "../require-user.ts";
import { zoneFor } from "../time-zone.ts";
import { jsonBody } from "../validate.ts";

export interface ChatDeps {
  db: Db;
  model: ChatModel;
  timeoutMs: number;
  onTasksChanged: (userId: string) => void;
  rowLimits: RowLimits;
  reportError: ToolContext["reportError"];
  writeBudget: (userId: string) => WriteBudget;
  transcriber: Transcriber;
}

const turnDoc = docs("Assistant")({
  summary: "One assistant turn",
  description:
    "JSON by default; with `Accept: text/event-stream` the same turn as server-sent events `conversation`, `text-delta`, `tool-call`, `tool-result`, `done`, `error` (each `data` is a `ChatEvent`).",
  body: ChatRequest,
  responses: { 200: { schema: ChatResponse, also: { "text/event-stream": null } } },
  errors: [404, 409, 429, 502, 504],
});

const transcribeDoc = docs("Assistant")({
  summary: "Transcribe a voice recording (voice input)",
  description:
    `The body is the recording (≤ ${TRANSCRIBE_BYTES_MAX / 1024 / 1024} MB), its Content-Type one of the listed audio types (parameters such as \`;codecs=opus\` are fine). ` +
    "The answer is the transcript for the person to review; nothing is sent to the assistant. Counts against the per-user chat limit. " +
    "501 `transcription_unavailable` when the server has no speech-to-text model (`GET /api/config` says `transcription: false`); " +
    "415 for another media type; 502/504 when the provider fails or times out.",
  rawBody: [...TRANSCRIBE_MEDIA_TYPES],
  responses: { 200: Transcription },
  errors: [415, 429, 501, 502, 504],
});

export function chatRoutes(deps: ChatDeps) {
  const app = new Hono<AuthEnv>();

  app.post(
    "/transcribe",
    transcribeDoc,
    bodyLimit({
      maxSize: TRANSCRIBE_BYTES_MAX,
      onError: (c) => errorJson(c, 413, tooLarge().code, tooLarge().message),
    }),
    async (c) => {
      const audio = new Uint8Array(await c.req.arrayBuffer());
      return c.json({
        text: await transcribe(deps.transcriber, audio, c.req.header("content-type")),
      } satisfies Transcription);
    },
  );

  app.post("/", turnDoc, async (c) => {
    const req = await jsonBody(c, ChatRequest);
    const timeZone = await zoneFor(deps.db, c.var.user.id, req.time_zone);
    const turn = runTurn({
      ...deps,
      spendWrite: deps.writeBudget(c.var.user.id),
      userId: c.var.user.id,
      conversationId: req.conversation_id,
      message: req.message,
      retry: req.retry,
      timeZone,
      requestId: c.var.requestId,
    });
    // The first event settles the conversation (or throws 404/409 before any stream starts).
    const first = await turn.next();

    if (c.req.header("accept")?.includes("text/event-stream")) {
      return streamSSE(c, async (stream) => {
        const send = async (e: ChatEvent) => {
          if (!stream.aborted) await stream.writeSSE({ event: e.type, data: JSON.stringify(e) }).catch(() => {});
        };
        if (!first.done) await send(first.value);
        for await (const event of turn) await send(event);
      });
    }

    let conversationId = "";
    let model = deps.model.name;
    for (let r = first; !r.done; r = await turn.next()) {
      const e = r.value;
      if (e.type === "conversation") ({ conversation_id: conversationId, model } = e);
      if (e.type === "done") {
        return c.json({
          conversation_id: conversationId,
          message_id: e.message_id,
          response: e.response,
          model,
          tool_calls: e.tool_calls,
          suggestions: e.suggestions,
        });
      }
      if (e.type === "error") {
        const status = e.code === "model_timeout" ? 504 : 502;
        return errorJson(c, status, e.code, e.message, { conversation_id: conversationId });
      }
    }
    return errorJson(c, 502, "model_error", "the assistant ended without an answer", {
      conversation_id: conversationId,
    });
  });

  return app;
}
