/**
 * A minimal SSE reader over fetch (Bearer auth, which EventSource cannot send),
 * for tests and benchmarks of /api/{user_id}/events.
 */
export interface SseClient {
  /** Resolves with the next event of that name (events seen earlier are queued). */
  next(name: string, timeoutMs?: number): Promise<{ name: string; data: string; at: number }>;
  close(): void;
  /** Resolves when the server ends the stream (or it is closed). */
  ended: Promise<void>;
}

export async function openSse(url: string, token: string): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" }, signal: abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`SSE ${url}: ${res.status} ${await res.text()}`);
  const queue: { name: string; data: string; at: number }[] = [];
  const waiters: (() => void)[] = [];
  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          if (!name) continue; // keepalive comment
          const data = block.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n");
          queue.push({ name, data, at: performance.now() });
          waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      // aborted
    }
    waiters.splice(0).forEach((w) => w());
  })();
  return {
    async next(name, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = queue.findIndex((e) => e.name === name);
        if (i >= 0) return queue.splice(i, 1)[0]!;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no "${name}" event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => (clearTimeout(timer), resolve()));
        });
      }
    },
    close: () => abort.abort(),
    ended,
  };
}
