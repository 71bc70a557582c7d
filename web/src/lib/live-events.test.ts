/**
 * The event stream's reconnect policy: while the server can't be reached, attempts
 * come at most 1.5 s apart (so it is back within ~2 s of the server); a server that
 * answers with errors gets the long back-off.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-client.ts";
import * as client from "./api-client.ts";
import { startLiveEvents } from "./live-events.ts";

vi.mock("./api-client.ts", async (orig) => ({ ...(await orig<typeof import("./api-client.ts")>()), apiFetch: vi.fn() }));
const apiFetch = vi.mocked(client.apiFetch);

/** Ends the stream served last (the server went away). */
let endStream: () => void = () => {};
const sseBody = (text: string) =>
  new Response(
    new ReadableStream({
      start: (c) => {
        c.enqueue(new TextEncoder().encode(text));
        endStream = () => c.error(new TypeError("network error"));
      },
    }),
    { headers: { "content-type": "text/event-stream" } },
  );

let stop: () => void = () => {};
beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, "random").mockReturnValue(0.999); // the longest jittered wait
});
afterEach(() => {
  stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Times (fake ms) of the connection attempts within `ms`. */
async function attemptsWithin(ms: number): Promise<number[]> {
  const at: number[] = [];
  const t0 = Date.now();
  apiFetch.mockImplementation(async () => {
    at.push(Date.now() - t0);
    throw new ApiError(0, "network_error", "unreachable");
  });
  const s: string[] = [];
  stop = startLiveEvents({ onTasksChanged: () => {}, onStatus: (x) => s.push(x) });
  await vi.advanceTimersByTimeAsync(ms);
  return at;
}

describe("live events reconnect", () => {
  it("retries an unreachable server at most 1.5 s apart, however long it has been away", async () => {
    const at = await attemptsWithin(60_000);
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    expect(at.length).toBeGreaterThan(30);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1500);
  });

  it("is open again within 2 s of the server coming back, and reloads once", async () => {
    let up = false;
    apiFetch.mockImplementation(async () => {
      if (!up) throw new ApiError(0, "network_error", "unreachable");
      return sseBody("event: ready\ndata: {}\n\n");
    });
    const changed = vi.fn();
    let state = "";
    // Opened once before the outage, so the reconnect must reload.
    up = true;
    stop = startLiveEvents({ onTasksChanged: changed, onStatus: (x) => (state = x) });
    await vi.advanceTimersByTimeAsync(10);
    expect(state).toBe("open");
    up = false;
    endStream();
    await vi.advanceTimersByTimeAsync(120_000); // two minutes of refused attempts
    expect(state).not.toBe("open");
    up = true;
    const back = Date.now();
    while (state !== "open" && Date.now() - back < 5_000) await vi.advanceTimersByTimeAsync(50);
    expect(Date.now() - back).toBeLessThanOrEqual(2_000);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it("backs off to 30 s from a server that answers with errors", async () => {
    const at: number[] = [];
    const t0 = Date.now();
    apiFetch.mockImplementation(async () => {
      at.push(Date.now() - t0);
      throw new ApiError(500, "internal", "broken");
    });
    stop = startLiveEvents({ onTasksChanged: () => {} });
    await vi.advanceTimersByTimeAsync(200_000);
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    expect(Math.max(...gaps)).toBeGreaterThan(15_000);
    expect(at.length).toBeLessThan(15);
  });
});
