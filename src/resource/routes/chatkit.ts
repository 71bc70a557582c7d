/**
 * `POST /api/chatkit`: OpenAI's ChatKit server protocol (one endpoint, `{ type,
 * params }` requests). Streaming requests answer server-sent `data: <json>`
 * events, the others JSON. Every request problem is a JSON 4xx before any
 * stream starts; the protocol translation lives in `src/assistant/chatkit/`.
 *
 * Limits: requests that run the assistant count against the per-user "chat"
 * rule, thread and feedback changes against "write", reads are free (the
 * widget reads a lot: one POST per history page).
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { streamSSE } from "hono/streaming";
import * as z from "zod";
import { answer, openStream, type ChatKitDeps } from "../../assistant/chatkit/server.ts";
import { STREAM_ERROR } from "../../assistant/chatkit/turn.ts";
import {
  ChatKitEnvelope,
  ChatKitRequest,
  isStreaming,
  REQUEST_TYPES,
  STREAMING_TYPES,
} from "../../contracts/chatkit.ts";
import { TRANSCRIBE_BYTES_MAX } from "../../contracts/transcription.ts";
import { errorJson, HttpError } from "../../http/errors.ts";
import { docs } from "../../http/openapi.ts";
import { rateLimitedError, type LimitName, type RateLimiter } from "../../http/rate-limit.ts";
import type { AuthEnv } from "../require-user.ts";
import { zoneFor } from "../time-zone.ts";
import { parseWith } from "../validate.ts";

export interface ChatKitRouteDeps extends ChatKitDeps {
  limiter: RateLimiter;
  /** BODY_LIMIT_BYTES: the bound of every request when dictation is off. */
  bodyLimitBytes: number;
}

const WRITES = new Set(["threads.update", "threads.delete", "items.feedback"]);
/** Requests that cost a model call besides the streaming ones: dictation. */
const MODEL_CALLS = new Set(["input.transcribe"]);

function limitFor(type: string): LimitName | undefined {
  if ((STREAMING_TYPES as readonly string[]).includes(type) || MODEL_CALLS.has(type)) return "chat";
  return WRITES.has(type) ? "write" : undefined;
}

/** The JSON body, whatever the content type says (the widget's fetch decides it). */
async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "malformed_json", "the body is not valid JSON");
  }
}

const protocolDoc = docs("Assistant")({
  summary: "The ChatKit server protocol (one endpoint, `{ type, params }`)",
  description:
    "Streaming request types answer server-sent events; the others JSON. Send the user's time zone in `X-Time-Zone`.",
  body: ChatKitEnvelope,
  responses: {
    200: {
      description: "JSON or an event stream, by request type",
      schema: z.unknown(),
      also: { "text/event-stream": null },
    },
  },
  errors: [404, 429, 501, 502, 504],
});

/** A recording of TRANSCRIBE_BYTES_MAX as base64, and room for the rest of the request. */
const WITH_AUDIO_BYTES = Math.ceil(TRANSCRIBE_BYTES_MAX / 3) * 4 + 64 * 1024;

export function chatkitRoutes({ limiter, bodyLimitBytes, ...deps }: ChatKitRouteDeps) {
  const app = new Hono<AuthEnv>();
  // One endpoint for every request type: with dictation on, it must take a recording.
  const maxSize = deps.transcriber?.config ? Math.max(bodyLimitBytes, WITH_AUDIO_BYTES) : bodyLimitBytes;
  app.use(
    bodyLimit({
      maxSize,
      onError: (c) => errorJson(c, 413, "payload_too_large", `the body must be at most ${maxSize} bytes`),
    }),
  );

  app.post("/", protocolDoc, async (c) => {
    const body = await readJson(c);
    const { type, metadata } = parseWith(ChatKitEnvelope, body, "body");
    if (!(REQUEST_TYPES as string[]).includes(type)) {
      throw new HttpError(400, "unknown_request_type", `unknown ChatKit request type: ${type.slice(0, 100)}`);
    }
    const limit = limitFor(type);
    if (limit) {
      const decision = await limiter.consume(`${limit}:${c.var.user.id}`, limiter.rules[limit]);
      c.header("ratelimit-limit", String(decision.limit));
      c.header("ratelimit-remaining", String(decision.remaining));
      c.header("ratelimit-reset", String(decision.retryAfter));
      if (!decision.allowed) throw rateLimitedError(decision);
    }
    const req = parseWith(ChatKitRequest, body, "body");
    const zone = c.req.header("x-time-zone") ?? (metadata as { time_zone?: unknown } | undefined)?.time_zone;
    const ctx = {
      userId: c.var.user.id,
      requestId: c.var.requestId,
      timeZone: await zoneFor(deps.db, c.var.user.id, zone),
    };

    if (!isStreaming(req)) return c.json(await answer(deps, ctx, req));

    const events = await openStream(deps, ctx, req);
    // The turn runs to its end even if the client goes away: the stored thread is never half a reply.
    return streamSSE(c, async (stream) => {
      const send = async (data: unknown) => {
        if (!stream.aborted) await stream.writeSSE({ data: JSON.stringify(data) }).catch(() => {});
      };
      try {
        for await (const event of events) await send(event);
      } catch (err) {
        await send(STREAM_ERROR);
        throw err; // logged by Hono's stream error handler
      }
    });
  });

  return app;
}
