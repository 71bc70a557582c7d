/** The token manager with an injected mint and clock: reuse, shared refreshes, the expiry margin, sign-out races. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionExpiredError, TokenManager, TokenUnavailableError } from "./token.ts";

const T0 = Date.UTC(2026, 11, 1, 12, 0, 0);
const b64url = (v: object) => btoa(JSON.stringify(v)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
/** An unsigned JWT: the client only reads `iat`/`exp`, the server verifies. */
const jwt = (claims: { iat?: number; exp?: number; n?: number }) => `${b64url({ alg: "EdDSA" })}.${b64url(claims)}.sig`;
/** A token issued at `issuedAtMs` that lives `lifetimeS` seconds. */
const tokenAt = (issuedAtMs: number, lifetimeS: number, n = 0) =>
  jwt({ iat: Math.floor(issuedAtMs / 1000), exp: Math.floor(issuedAtMs / 1000) + lifetimeS, n });

/** A promise the test settles by hand, so "in flight" is a state, not a timing. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const managers: TokenManager[] = [];
/** A manager whose clock the test moves; `mint` hands out 15-minute tokens issued "now". */
function setup(mintImpl?: () => Promise<string>) {
  const clock = { now: T0 };
  let n = 0;
  const mint = vi.fn(mintImpl ?? (() => Promise.resolve(tokenAt(clock.now, 900, ++n))));
  const manager = new TokenManager(mint, () => clock.now);
  managers.push(manager);
  return { clock, mint, manager };
}

afterEach(() => {
  // clear() also cancels each manager's background-refresh timer.
  for (const m of managers.splice(0)) m.clear();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("TokenManager", () => {
  it("mints once and reuses the token while it is fresh", async () => {
    const { mint, manager, clock } = setup();
    const first = await manager.get();
    clock.now += 5 * 60_000;
    expect(await manager.get()).toBe(first);
    expect(mint).toHaveBeenCalledTimes(1);
  });

  it("concurrent callers share one refresh", async () => {
    const pending = deferred<string>();
    const { mint, manager } = setup(() => pending.promise);
    const callers = [manager.get(), manager.get(), manager.refresh(), manager.get()];
    expect(mint).toHaveBeenCalledTimes(1);
    const token = tokenAt(T0, 900);
    pending.resolve(token);
    expect(await Promise.all(callers)).toEqual([token, token, token, token]);
    expect(mint).toHaveBeenCalledTimes(1);
  });

  it("refreshes a 15-minute token 60 s before it expires, not earlier", async () => {
    const { mint, manager, clock } = setup();
    const first = await manager.get();
    clock.now = T0 + 900_000 - 60_001;
    expect(await manager.get()).toBe(first);
    clock.now = T0 + 900_000 - 60_000;
    const second = await manager.get();
    expect(second).not.toBe(first);
    expect(mint).toHaveBeenCalledTimes(2);
  });

  it("uses a quarter of the lifetime as the margin for short tokens", async () => {
    const { mint, manager, clock } = setup(() => Promise.resolve(tokenAt(clock.now, 8)));
    const first = await manager.get();
    clock.now = T0 + 8_000 - 2_001;
    expect(await manager.get()).toBe(first);
    clock.now = T0 + 8_000 - 2_000;
    await manager.get();
    expect(mint).toHaveBeenCalledTimes(2);
  });

  it("after a failed mint the next call tries again instead of repeating the failure", async () => {
    const { mint, manager } = setup();
    mint.mockRejectedValueOnce(new TokenUnavailableError("auth server answered 502"));
    await expect(manager.get()).rejects.toBeInstanceOf(TokenUnavailableError);
    await expect(manager.get()).resolves.toMatch(/\.sig$/);
    expect(mint).toHaveBeenCalledTimes(2);
  });

  it("tells its listeners once when the session has ended", async () => {
    const { mint, manager } = setup();
    mint.mockRejectedValue(new SessionExpiredError("not signed in"));
    const expired = vi.fn();
    const off = manager.onSessionExpired(expired);
    await expect(Promise.all([manager.get(), manager.get()])).rejects.toBeInstanceOf(SessionExpiredError);
    expect(expired).toHaveBeenCalledTimes(1);
    off();
    await expect(manager.get()).rejects.toBeInstanceOf(SessionExpiredError);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it("invalidate drops the rejected token only if it is still the current one", async () => {
    const { mint, manager } = setup();
    const first = await manager.get();
    manager.invalidate("some.older.token");
    expect(await manager.get()).toBe(first);
    manager.invalidate(first);
    expect(await manager.get()).not.toBe(first);
    expect(mint).toHaveBeenCalledTimes(2);
  });

  it("a token minted for the previous user (sign-out during the mint) is dropped and minted again", async () => {
    const pending = deferred<string>();
    const { mint, manager } = setup();
    mint.mockImplementationOnce(() => pending.promise);
    const call = manager.get();
    manager.clear();
    const previousUsers = tokenAt(T0, 900, -1);
    pending.resolve(previousUsers);
    expect(await call).toBe(tokenAt(T0, 900, 1));
    expect(await manager.get()).toBe(tokenAt(T0, 900, 1));
    expect(mint).toHaveBeenCalledTimes(2);
  });

  it("offer keeps a token that outlives the current one and ignores older or expired ones", async () => {
    const { mint, manager, clock } = setup();
    const minted = await manager.get();
    manager.offer(tokenAt(T0 - 60_000, 900, 7)); // expires earlier than the minted one
    manager.offer(jwt({ exp: T0 / 1000 - 1 })); // already expired
    manager.offer("not-a-jwt");
    expect(await manager.get()).toBe(minted);
    clock.now += 30_000;
    const later = tokenAt(clock.now, 900, 8);
    manager.offer(later);
    expect(await manager.get()).toBe(later);
    expect(mint).toHaveBeenCalledTimes(1);
  });

  it("peek returns the token until it expires (past the refresh margin) and never mints", async () => {
    const { mint, manager, clock } = setup();
    expect(manager.peek()).toBeNull();
    const token = await manager.get();
    clock.now = T0 + 900_000 - 1;
    expect(manager.peek()).toBe(token);
    clock.now = T0 + 900_000;
    expect(manager.peek()).toBeNull();
    expect(mint).toHaveBeenCalledTimes(1);
  });

  it("a device clock 20 minutes ahead of the server mints once per lifetime, not in a loop", async () => {
    vi.useFakeTimers();
    vi.spyOn(document, "visibilityState", "get").mockReturnValue("visible");
    const ahead = 20 * 60_000;
    // Every token the server issues has already "expired" by this device's clock.
    const { mint, manager, clock } = setup(() => Promise.resolve(tokenAt(clock.now - ahead, 900)));
    const first = await manager.get();
    await vi.advanceTimersByTimeAsync(1_000);
    clock.now += 1_000;
    expect(await manager.get()).toBe(first);
    expect(mint).toHaveBeenCalledTimes(1);
    expect(manager.peek()).toBe(first);
    // Refreshed at the margin of its 15 minutes, counted from when it arrived.
    clock.now = T0 + 900_000 - 60_000;
    expect(await manager.get()).not.toBe(first);
    expect(mint).toHaveBeenCalledTimes(2);
  });

  it("a device clock 10 minutes behind refreshes before the server's expiry, not 10 minutes after it", async () => {
    const behind = 10 * 60_000;
    const { mint, manager, clock } = setup(() => Promise.resolve(tokenAt(clock.now + behind, 900)));
    const first = await manager.get();
    clock.now = T0 + 900_000 - 60_001;
    expect(await manager.get()).toBe(first);
    clock.now = T0 + 900_000 - 60_000;
    expect(await manager.get()).not.toBe(first);
    clock.now = T0 + 900_000 + 1;
    expect(manager.peek()).not.toBe(first);
    expect(mint).toHaveBeenCalledTimes(2);
  });

  it("keeps a fresh offered token when the device clock is 20 minutes ahead: no mint", async () => {
    const { mint, manager } = setup();
    const offered = tokenAt(T0 - 20 * 60_000, 900);
    manager.offer(offered);
    expect(await manager.get()).toBe(offered);
    expect(mint).not.toHaveBeenCalled();
  });

  it("offer compares tokens by the server's exp when the device clock is off", async () => {
    const ahead = 20 * 60_000;
    const { mint, manager, clock } = setup(() => Promise.resolve(tokenAt(clock.now - ahead, 900)));
    const minted = await manager.get();
    manager.offer(tokenAt(T0 - ahead - 60_000, 900, 7)); // issued before the minted one
    manager.offer(jwt({ exp: (T0 - ahead) / 1000 - 1 })); // expired by the server's clock
    expect(await manager.get()).toBe(minted);
    clock.now += 30_000;
    const later = tokenAt(clock.now - ahead, 900, 8);
    manager.offer(later);
    expect(await manager.get()).toBe(later);
    expect(mint).toHaveBeenCalledTimes(1);
  });

  it("refreshes in the background at the margin while the tab is visible, not while it is hidden", async () => {
    vi.useFakeTimers();
    const visibility = vi.spyOn(document, "visibilityState", "get").mockReturnValue("visible");
    const { mint, manager } = setup();
    await manager.get();
    await vi.advanceTimersByTimeAsync(900_000 - 60_001);
    expect(mint).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(mint).toHaveBeenCalledTimes(2);

    visibility.mockReturnValue("hidden");
    await vi.advanceTimersByTimeAsync(900_000);
    expect(mint).toHaveBeenCalledTimes(2);
  });
});
