/**
 * One harness for API tests: a Tickler instance on a fresh database driven in
 * process through `app.request`, plus helpers to sign users up and get tokens.
 */
import { randomBytes } from "node:crypto";
import { loadConfig } from "../../src/config/env.ts";
import { createTickler, type Tickler, type TicklerOverrides } from "../../src/server/create-app.ts";
import { createLogger, type Logger } from "../../src/http/logger.ts";
import { createMailer } from "../../src/issuer/mailer.ts";
import { createMailbox, followVerificationLink, type Mailbox } from "./mailbox.ts";
import { RAISED_LIMITS } from "./limits.ts";
import { createTestDatabase } from "./test-db.ts";

export const TEST_ORIGIN = "http://tickler.test";
export const TEST_SECRET = "test-secret-test-secret-test-secret-0123";

export interface TestUser {
  id: string;
  email: string;
  name: string;
  cookie: string;
  token: string;
  /** Headers for the resource server: Bearer token (+ JSON content type). */
  headers: Record<string, string>;
}

export interface TestApp {
  tickler: Tickler;
  /** Every mail the server sent (also handed on to the configured or given mailer). */
  mailbox: Mailbox;
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Signs a new user up, opens the emailed verification link (which signs in) and fetches a JWT. */
  signUp(name?: string): Promise<TestUser>;
  tokenFor(cookie: string): Promise<string>;
  /** JSON request with a user's token. */
  api(user: TestUser, method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

export interface TestAppOptions extends TicklerOverrides {
  /** Receives the server's log (e.g. to read a password-reset email in test mode). */
  logger?: Logger;
}

/** The environment every in-process test instance starts from (add the database's env to it). */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: "test",
  PUBLIC_URL: TEST_ORIGIN,
  BETTER_AUTH_SECRET: TEST_SECRET,
  LOG_LEVEL: "silent",
  ...RAISED_LIMITS,
};

export async function createTestApp(env: Record<string, string> = {}, opts: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ ...TEST_ENV, ...database.env, ...env });
  const logger = opts.logger ?? createLogger(config.LOG_LEVEL);
  const mailbox = createMailbox();
  const mailer = mailbox.wrap(opts.mailer ?? (await createMailer(config, logger)));
  const tickler = await createTickler(config, logger, { ...opts, mailer });
  const request = (path: string, init: RequestInit = {}) =>
    Promise.resolve(tickler.app.request(`${TEST_ORIGIN}${path}`, init));

  const tokenFor = async (cookie: string) => {
    const res = await request("/api/auth/token", { headers: { cookie, origin: TEST_ORIGIN } });
    if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };

  const signUp = async (name = "Test User"): Promise<TestUser> => {
    const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${randomBytes(4).toString("hex")}@example.com`;
    const res = await request("/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: TEST_ORIGIN },
      body: JSON.stringify({ name, email, password: "correct horse battery" }),
    });
    if (res.status !== 200) throw new Error(`sign-up: ${res.status} ${await res.text()}`);
    const cookie = config.emailVerification
      ? await followVerificationLink(await mailbox.linkFor(email), (link) => request(link.slice(TEST_ORIGIN.length)))
      : res.headers.get("set-cookie")!.split(";")[0]!;
    const token = await tokenFor(cookie);
    const body = { user: { id: (JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as { sub: string }).sub } };
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    return { id: body.user.id, email, name, cookie, token, headers };
  };

  const api = (user: TestUser, method: string, path: string, body?: unknown) =>
    request(path, { method, headers: user.headers, body: body === undefined ? undefined : JSON.stringify(body) });

  return {
    tickler,
    mailbox,
    request,
    signUp,
    tokenFor,
    api,
    close: async () => {
      await tickler.close();
      await database.drop();
    },
  };
}
