/**
 * A local fake of an OpenAI-compatible Chat Completions server: streams
 * scripted replies (tool calls or text) in the real SSE chunk format, or fails
 * with a chosen status, and records what it was sent.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeReply =
  | { toolCalls: { name: string; arguments: unknown }[] }
  | { text: string; chunkDelayMs?: number }
  | { status: number; body?: string }
  | { delayMs: number };

export interface FakeOpenAI {
  baseUrl: string;
  requests: { headers: Record<string, string | string[] | undefined>; body: Record<string, unknown> }[];
  replies: FakeReply[];
  close(): Promise<void>;
}

const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: "chatcmpl-1", object: "chat.completion.chunk", created: 1, model: "fake", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const fake: Omit<FakeOpenAI, "baseUrl" | "close"> = { requests: [], replies: [] };
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (d) => (raw += d));
    req.on("end", () => {
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
          res.write(chunk({ tool_calls: [{ index, id, type: "function", function: { name: call.name, arguments: args.slice(0, 5) } }] }));
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
