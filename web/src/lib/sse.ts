/**
 * A small server-sent events reader over `fetch` bodies (EventSource can't send a
 * Bearer header). Yields one message per blank-line-terminated block; comment lines
 * (`: keepalive`) come out as `{ comment: true }` so callers can tell the stream is alive.
 */
export interface SseMessage {
  event: string;
  data: string;
  id?: string;
  comment?: true;
}

export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let id: string | undefined;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl).replace(/\r$/, "");
        buffer = buffer.slice(nl + 1);
        if (line === "") {
          if (data.length) yield { event: event || "message", data: data.join("\n"), ...(id !== undefined && { id }) };
          event = "";
          data = [];
          continue;
        }
        if (line.startsWith(":")) {
          yield { event: "", data: "", comment: true };
          continue;
        }
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") event = val;
        else if (field === "data") data.push(val);
        else if (field === "id") id = val;
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
