/**
 * Does an answer tell whether an address has an account? Medians of many
 * interleaved requests, in process (no network noise): password-reset requests
 * for a known vs an unknown address, and sign-ups for a new vs a taken address
 * (decision 021). Run: node --import tsx bench/auth-timing.ts [resetSamples] [signUpSamples]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config/env.ts";
import { createLogger } from "../src/http/logger.ts";
import type { Mailer } from "../src/issuer/mailer.ts";
import { createTickler } from "../src/server/create-app.ts";

const ORIGIN = "http://bench.test";
const resetSamples = Number(process.argv[2] ?? 300);
const signUpSamples = Number(process.argv[3] ?? 30);
const dir = mkdtempSync(join(tmpdir(), "tickler-auth-timing-"));
const config = loadConfig({
  NODE_ENV: "test",
  PUBLIC_URL: ORIGIN,
  DATA_DIR: dir,
  BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0",
  LOG_LEVEL: "silent",
  RATE_LIMIT_AUTH_PER_IP: "1000000",
  RATE_LIMIT_AUTH_PER_EMAIL: "1000000",
  RATE_LIMIT_AUTH_OTHER_PER_MINUTE: "1000000",
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
});
const quiet: Mailer = { kind: "smtp", send: async () => {}, close: () => {} };
const tickler = await createTickler(config, createLogger("silent"), { mailer: quiet });
const post = (path: string, body: unknown) =>
  Promise.resolve(
    tickler.app.request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN },
      body: JSON.stringify(body),
    }),
  );

async function time(run: () => Promise<Response>): Promise<number> {
  const t0 = performance.now();
  const res = await run();
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return performance.now() - t0;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Alternates a and b (a first on even rounds) so drift in machine load hits both alike. */
async function compare(n: number, a: (i: number) => Promise<Response>, b: (i: number) => Promise<Response>) {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 2) {
      tb.push(await time(() => b(i)));
      ta.push(await time(() => a(i)));
    } else {
      ta.push(await time(() => a(i)));
      tb.push(await time(() => b(i)));
    }
  }
  return { a: median(ta), b: median(tb) };
}

try {
  const password = "correct horse battery";
  const known = "known.bench@example.com";
  await post("/sign-up/email", { name: "Known", email: known, password });
  for (let i = 0; i < 20; i++)
    await post("/request-password-reset", { email: i % 2 ? known : "nobody.bench@example.com" }); // warm-up
  const reset = await compare(
    resetSamples,
    () => post("/request-password-reset", { email: known, redirectTo: "/reset-password" }),
    // One unknown address too: the per-address limiter then does the same (an update) for both.
    () => post("/request-password-reset", { email: "nobody.bench@example.com", redirectTo: "/reset-password" }),
  );
  const signUp = await compare(
    signUpSamples,
    (i) => post("/sign-up/email", { name: "New", email: `new.${i}@example.com`, password }),
    () => post("/sign-up/email", { name: "Again", email: known, password }),
  );
  const ms = (x: number) => Math.round(x * 100) / 100;
  console.log(
    JSON.stringify({
      database: tickler.database.kind,
      reset: { samples: resetSamples, knownMedianMs: ms(reset.a), unknownMedianMs: ms(reset.b) },
      signUp: { samples: signUpSamples, newMedianMs: ms(signUp.a), takenMedianMs: ms(signUp.b) },
    }),
  );
} finally {
  await tickler.close();
  rmSync(dir, { recursive: true, force: true });
}
