/**
 * Access tokens for the task API.
 *
 * - Kept in memory only (never localStorage): a reload gets a new one from the cookie session
 *   (the get-session response carries one; otherwise `authClient.token()` mints it).
 * - Reused until shortly before `exp`, then refreshed in the background while the tab is visible.
 *   `exp` is the server's clock: it is read against this device's clock corrected by the error a
 *   fresh token's `iat` shows, so a device clock that is off neither refreshes in a loop (ahead by
 *   more than a lifetime, every token looks expired) nor keeps an expired token (behind).
 * - Concurrent callers share one in-flight refresh, so a burst of requests mints at most one token.
 * - `invalidate()` drops a token the API rejected; the API client then refreshes once and retries.
 */
import { authClient, onSessionJwt } from "./auth-client.ts";
import { decodeJwt, type JwtClaims } from "./jwt.ts";

/** The session behind the token is gone (signed out elsewhere, expired): the user must sign in. */
export class SessionExpiredError extends Error {
  override name = "SessionExpiredError";
}

/** The auth server could not be reached or failed. */
export class TokenUnavailableError extends Error {
  override name = "TokenUnavailableError";
}

type Listener = () => void;

/** How long before `exp` a token counts as stale: a quarter of its lifetime, capped at 60 s. */
function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(60_000, Math.max(500, lifetimeMs / 4));
}

/**
 * Server clock minus this device's, from a token issued just now; undefined without `iat`.
 * `iat` is whole seconds and the answer took a moment: under 2 s is that, not a wrong clock.
 */
function skewOf(claims: JwtClaims | null, now: number): number | undefined {
  if (!claims?.iat) return undefined;
  const skew = claims.iat * 1000 - now;
  return Math.abs(skew) > 2_000 ? skew : 0;
}

/** A token's expiry (`exp` in server time, and the same instant by this device's clock) and lifetime, in ms. */
interface Timing {
  skewMs: number;
  serverExp: number;
  expiresAt: number;
  lifetime: number;
}

/** When a token issued just now expires, by the server's clock and by this device's. */
function timingOf(claims: JwtClaims | null, now: number, knownSkewMs: number): Timing {
  const skewMs = skewOf(claims, now) ?? knownSkewMs;
  // Without a readable exp, assume the Better Auth default of 15 minutes.
  const serverExp = claims?.exp ? claims.exp * 1000 : now + skewMs + 15 * 60_000;
  const expiresAt = serverExp - skewMs;
  const lifetime = Math.max(1000, claims?.exp && claims.iat ? (claims.exp - claims.iat) * 1000 : expiresAt - now);
  return { skewMs, serverExp, expiresAt, lifetime };
}

export class TokenManager {
  private token: string | null = null;
  /** Device time (ms) at which the current token expires, and at which it counts as stale. */
  private expiresAt = 0;
  private staleAt = 0;
  /** The current token's `exp` in server time (ms): tokens compare by it, whatever the device clock. */
  private serverExp = 0;
  /** Server clock minus this device's (ms), from the last fresh token's `iat`; 0 within rounding. */
  private skewMs = 0;
  private inflight: Promise<string> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  private readonly expiredListeners = new Set<Listener>();

  constructor(
    private readonly mint: () => Promise<string>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A token that is valid for a while yet; mints one only if needed. */
  async get(): Promise<string> {
    if (this.token && this.now() < this.staleAt) return this.token;
    return this.refresh();
  }

  /** Mints a new token, sharing any refresh already in flight. */
  refresh(): Promise<string> {
    if (this.inflight) return this.inflight;
    const generation = this.generation;
    const run = this.mint()
      .then((token): string | Promise<string> => {
        // The user changed (sign-out/in) while minting: this token may belong to the old
        // session, so drop it and ask again for the current one.
        if (generation !== this.generation) return this.get();
        this.store(token);
        return token;
      })
      .catch((err: unknown) => {
        if (err instanceof SessionExpiredError) this.emitExpired();
        throw err;
      })
      .finally(() => {
        if (this.inflight === run) this.inflight = null;
      });
    this.inflight = run;
    return run;
  }

  /** A token obtained another way (the get-session response): kept if it outlives the current one. */
  offer(token: string): void {
    const claims = decodeJwt(token);
    if (!claims?.exp) return;
    const now = this.now();
    const timing = timingOf(claims, now, this.skewMs);
    if (timing.serverExp <= this.serverExp || timing.expiresAt <= now) return;
    this.keep(token, timing);
  }

  /** Forget a token the server rejected (only if it is still the current one). */
  invalidate(token: string): void {
    if (this.token === token) {
      this.token = null;
      this.staleAt = 0;
    }
  }

  /** Drop everything (sign-out). */
  clear(): void {
    this.generation++;
    this.token = null;
    this.expiresAt = this.staleAt = this.serverExp = 0;
    this.inflight = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Current token if still unexpired, without refreshing (for keepalive requests on page hide). */
  peek(): string | null {
    return this.token && this.now() < this.expiresAt ? this.token : null;
  }

  onSessionExpired(listener: Listener): () => void {
    this.expiredListeners.add(listener);
    return () => this.expiredListeners.delete(listener);
  }

  private emitExpired(): void {
    for (const l of this.expiredListeners) l();
  }

  /** Keeps a token that was just minted. */
  private store(token: string): void {
    this.keep(token, timingOf(decodeJwt(token), this.now(), this.skewMs));
  }

  private keep(token: string, timing: Timing): void {
    this.token = token;
    this.skewMs = timing.skewMs;
    this.serverExp = timing.serverExp;
    this.expiresAt = timing.expiresAt;
    this.staleAt = timing.expiresAt - refreshMarginMs(timing.lifetime);
    this.scheduleBackgroundRefresh();
  }

  private scheduleBackgroundRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    if (typeof window === "undefined") return;
    const delay = Math.max(0, this.staleAt - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      // A hidden tab refreshes lazily on its next request instead of minting tokens nobody uses.
      if (document.visibilityState === "visible") this.refresh().catch(() => {});
    }, delay);
  }
}

/** What GET /api/auth/token answers through the client (`jwtClient()` leaves `token()` untyped). */
type TokenResult = { data: { token?: string } | null; error: { status: number; message?: string } | null };

async function mintWithBetterAuth(): Promise<string> {
  let result: TokenResult;
  try {
    result = await (authClient.token as () => Promise<TokenResult>)();
  } catch (err) {
    throw new TokenUnavailableError(err instanceof Error ? err.message : "network error");
  }
  if (result.error) {
    if (result.error.status === 401 || result.error.status === 403) {
      throw new SessionExpiredError(result.error.message ?? "not signed in");
    }
    throw new TokenUnavailableError(result.error.message ?? `auth server answered ${result.error.status}`);
  }
  const token = result.data?.token;
  if (!token) throw new TokenUnavailableError("no token in the response");
  return token;
}

/** The app's single token manager; it also takes the JWTs get-session responses carry. */
export const tokens = new TokenManager(mintWithBetterAuth);
onSessionJwt((jwt) => tokens.offer(jwt));
