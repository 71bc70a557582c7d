/**
 * A local fake of an OpenAI-compatible server. Chat Completions: streams
 * scripted replies (tool calls or text) in the real SSE chunk format, or fails
 * with a chosen status. `/audio/transcriptions`: reads the multipart upload
 * and answers a scripted transcript (or a failure). Records what it was sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeReply =
  | { toolCalls: { name: string; arguments: unknown }[] }
  | { text: string; chunkDelayMs?: number }
  | { status: number; body?: string }
  | { delayMs: number };

/** What `/audio/transcriptions` answers: the text, or a failure (the default: "(no script)"). */
export type FakeTranscript = { text: string } | { status: number; body?: string };

/** One multipart upload to `/audio/transcriptions`, as the fake read it. */
export interface FakeUpload {
  headers: Record<string, string | string[] | undefined>;
  /** Every text field (model, response_format, …). */
  fields: Record<string, string>;
  file: { name: string; type: string; bytes: Buffer } | null;
}

export interface FakeOpenAI {
  baseUrl: string;
  requests: { headers: Record<string, string | string[] | undefined>; body: Record<string, unknown> }[];
  replies: FakeReply[];
  uploads: FakeUpload[];
  transcripts: FakeTranscript[];
  /** Resolves with the next upload to arrive (for tests that wait on it). */
  nextUpload(): Promise<FakeUpload>;
  close(): Promise<void>;
}

async function readUpload(headers: FakeUpload["headers"], raw: Buffer): Promise<FakeUpload> {
  const form = await new Request("http://fake/", {
    method: "POST",
    headers: { "content-type": String(headers["content-type"]) },
    body: new Uint8Array(raw),
  }).formData();
  const fields: Record<string, string> = {};
  let file: FakeUpload["file"] = null;
  for (const [name, value] of form) {
    if (typeof value === "string") fields[name] = value;
    else if (name === "file")
      file = { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
  }
  return { headers, fields, file };
}

const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: "chatcmpl-1", object: "chat.completion.chunk", created: 1, model: "fake", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const waiting: ((u: FakeUpload) => void)[] = [];
  const fake: Omit<FakeOpenAI, "baseUrl" | "close"> = {
    requests: [],
    replies: [],
    uploads: [],
    transcripts: [],
    nextUpload: () => new Promise((resolve) => waiting.push(resolve)),
  };
  const transcription = async (req: IncomingMessage, raw: Buffer, res: ServerResponse) => {
    const upload = await readUpload(req.headers, raw);
    fake.uploads.push(upload);
    for (const w of waiting.splice(0)) w(upload);
    const reply = fake.transcripts.shift() ?? { text: "(no script)" };
    res.writeHead("status" in reply ? reply.status : 200, { "content-type": "application/json" });
    res.end(
      "status" in reply
        ? (reply.body ??
            JSON.stringify({ error: { message: "fake failure with internals sk-secret", type: "server_error" } }))
        : JSON.stringify({ text: reply.text }),
    );
  };
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (d: Buffer) => parts.push(d));
    req.on("end", () => {
      if (req.url?.endsWith("/audio/transcriptions")) {
        transcription(req, Buffer.concat(parts), res).catch((err: unknown) => {
          res.writeHead(400, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { message: `fake: unreadable upload: ${String(err)}` } }));
        });
        return;
      }
      const raw = Buffer.concat(parts).toString();
      fake.requests.push({ headers: req.headers, body: JSON.parse(raw || "{}") as Record<string, unknown> });
      const reply = fake.replies.shift() ?? { text: "(no script)" };
      if ("status" in reply) {
        res.writeHead(reply.status, { "content-type": "application/json" });
        res.end(reply.body ?? JSON.stringify({ error: { message: "fake failure", type: "server_error" } }));
        return;
      }
      if ("delayMs" in reply) {
        setTimeout(() => res.destroy(), reply.delayMs).unref();
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(chunk({ role: "assistant", content: "" }));
      if ("text" in reply) {
        const words = reply.text.match(/\S+\s*/g) ?? [];
        const delay = reply.chunkDelayMs ?? 0;
        const send = (i: number): void => {
          if (i === words.length) {
            res.end(`${chunk({}, "stop")}data: [DONE]\n\n`);
            return;
          }
          res.write(chunk({ content: words[i] }));
          if (delay) setTimeout(() => send(i + 1), delay);
          else send(i + 1);
        };
        send(0);
        return;
      } else {
        reply.toolCalls.forEach((call, index) => {
          const args = JSON.stringify(call.arguments);
          const id = `call_${index}_${Date.now()}`;
          // Arguments arrive in pieces, as real providers send them.
          res.write(
            chunk({
              tool_calls: [{ index, id, type: "function", function: { name: call.name, arguments: args.slice(0, 5) } }],
            }),
          );
          res.write(chunk({ tool_calls: [{ index, function: { arguments: args.slice(5) } }] }));
        });
        res.write(chunk({}, "tool_calls"));
      }
      res.write("data: [DONE]\n\n");
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...fake,
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
