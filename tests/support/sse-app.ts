/**
 * Reads an in-process app's `/events` stream (app.request has no socket, so the
 * fetch-based sse-client cannot be used): every named event, in order.
 */
export interface AppEventStream {
  events: { name: string; data: string }[];
  /** Resolves once the server said `ready`. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function readAppEvents(res: Response): AppEventStream {
  if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status}`);
  const reader = res.body.getReader();
  const events: { name: string; data: string }[] = [];
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const decoder = new TextDecoder();
  const pump = (async () => {
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        if (!name) continue;
        events.push({
          name,
          data: block
            .split("\n")
            .filter((l) => l.startsWith("data: "))
            .map((l) => l.slice(6))
            .join("\n"),
        });
        if (name === "ready") onReady();
      }
    }
  })();
  return {
    events,
    ready,
    close: async () => {
      await reader.cancel().catch(() => {});
      await pump;
    },
  };
}
