/** The SSE reader over fetch bodies: messages split at any byte, CRLF, multi-line data, comments. */
import { describe, expect, it } from "vitest";
import { readSse, type SseMessage } from "./sse.ts";

/** A body that arrives in the given chunks, as a network would cut it. */
function body(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

async function read(stream: ReadableStream<Uint8Array>): Promise<SseMessage[]> {
  const out: SseMessage[] = [];
  for await (const m of readSse(stream)) out.push(m);
  return out;
}

describe("readSse", () => {
  it("yields one message per blank-line-terminated block, whatever the chunking", async () => {
    const text = 'event: task.created\nid: 7\ndata: {"id":7}\n\ndata: plain\n\n';
    const expected = [
      { event: "task.created", id: "7", data: '{"id":7}' },
      { event: "message", id: "7", data: "plain" },
    ];
    expect(await read(body(text))).toEqual(expected);
    // Cut at every position: mid-field, mid-line and between the two newlines.
    for (let i = 1; i < text.length; i++) expect(await read(body(text.slice(0, i), text.slice(i)))).toEqual(expected);
  });

  it("joins multi-line data, reads CRLF line ends and keeps UTF-8 split across chunks intact", async () => {
    const bytes = new TextEncoder().encode("data: café\r\ndata: ☕\r\n\r\n");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const b of bytes) controller.enqueue(new Uint8Array([b]));
        controller.close();
      },
    });
    expect(await read(stream)).toEqual([{ event: "message", data: "café\n☕" }]);
  });

  it("reports comment lines (keepalives) and drops a block without data or an unfinished one", async () => {
    expect(await read(body(": keepalive\n\nevent: ping\n\ndata: cut off"))).toEqual([
      { event: "", data: "", comment: true },
    ]);
  });

  it("takes a field without a colon as empty and strips only one leading space", async () => {
    expect(await read(body("data\ndata:  two spaces\n\n"))).toEqual([{ event: "message", data: "\n two spaces" }]);
  });
});
