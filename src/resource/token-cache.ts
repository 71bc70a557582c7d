/**
 * Remembers tokens that verified, until their `exp`, so a client's repeated
 * requests skip the signature check. Bounded; holds no user state beyond the
 * token's own claims, so replicas stay interchangeable.
 */
import type { VerifiedUser } from "./verify-jwt.ts";

export class VerifiedTokenCache {
  #entries = new Map<string, VerifiedUser>();
  constructor(private readonly max = 10_000) {}

  get(token: string): VerifiedUser | undefined {
    const user = this.#entries.get(token);
    if (!user) return undefined;
    // No skew allowance here: a cached token ends exactly at its exp.
    if (user.exp * 1000 <= Date.now()) {
      this.#entries.delete(token);
      return undefined;
    }
    return user;
  }

  set(token: string, user: VerifiedUser): void {
    if (this.#entries.size >= this.max) {
      // Maps iterate in insertion order: drop the oldest.
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(token, user);
  }
}
