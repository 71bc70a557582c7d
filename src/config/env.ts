/**
 * The only reader of `process.env`: parses it once with zod and fails fast,
 * listing every bad variable. Everything else receives a `Config`.
 */
import * as z from "zod";

const seconds = z.coerce.number().int().positive();
const list = z.string().transform((s) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean),
);

/** A duration such as `1h`, `30m`, `90s` or plain seconds; in milliseconds. */
const duration = z
  .string()
  .regex(/^\d+(\.\d+)?\s*(ms|s|m|h|d)?$/, "use a duration such as 1h, 30m or 90s")
  .transform((v) => {
    const [, n, unit = "s"] = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(v)!;
    return Math.round(Number(n) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit as "s"]);
  });

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** Public origin of this server; the issuer (`iss`) and cookie origin. */
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().default("./data"),
  /** PGlite only: Postgres `shared_buffers`; unset, 16MB (src/db/pglite-options.ts, decision 010). */
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^[1-9]\d*(kB|MB|GB)$/, "use a size such as 16MB")
    .optional(),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Split mode: verify tokens of a remote issuer; this process serves no /api/auth. */
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).default("tickler-api"),
  /** Asymmetric only: a shared-secret algorithm (HS256) can never be configured. */
  AUTH_ALGORITHMS: list.pipe(z.array(z.enum(["EdDSA", "ES256", "ES512", "PS256", "RS256"])).min(1)).default(["EdDSA"]),
  JWT_TTL_SECONDS: seconds.default(900),
  /** Leeway for `exp`/`nbf` when verifying tokens. */
  JWT_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(60),
  JWKS_ROTATION_INTERVAL: seconds.optional(),
  JWKS_GRACE_PERIOD: seconds.optional(),
  /** How long an unknown `kid` waits before another JWKS refetch may happen. */
  JWKS_COOLDOWN_SECONDS: z.coerce.number().min(0).default(30),
  TRUSTED_ORIGINS: list.default([]),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024),
  TOKEN_CACHE: z.enum(["on", "off"]).default("on"),
  /** `provider:model`: openai, anthropic, google, openai-compatible, groq, openrouter, ollama, lmstudio. */
  AI_MODEL: z
    .string()
    .regex(
      /^(tickler|openai|anthropic|google|openai-compatible|groq|openrouter|ollama|lmstudio):.+$/,
      "use provider:model, e.g. openai:gpt-4o-mini",
    )
    .optional(),
  AI_BASE_URL: z.url().optional(),
  AI_API_KEY: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
  ANTHROPIC_API_KEY: z.string().optional(),
  GOOGLE_GENERATIVE_AI_API_KEY: z.string().optional(),
  GROQ_API_KEY: z.string().optional(),
  OPENROUTER_API_KEY: z.string().optional(),
  AI_TIMEOUT_SECONDS: seconds.default(60),
  /**
   * Voice input's speech-to-text model at the provider's `/audio/transcriptions` (decision 026), or `off`.
   * Unset: gpt-4o-mini-transcribe for openai (whisper-1 with AI_BASE_URL), whisper-large-v3-turbo for groq, none otherwise.
   */
  AI_TRANSCRIBE_MODEL: z.string().min(1).max(200).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  // --- Production hardening (rate limits, proxies, mail, CORS) ---
  /** Rate-limit counters live in Redis when set, else in the database (never in process memory). */
  REDIS_URL: z.string().min(1).optional(),
  /**
   * Proxies whose X-Forwarded-For is believed: comma-separated IPs/CIDRs, or
   * `loopback` / `private`. Unset: the socket peer is the client.
   */
  TRUST_PROXY: list.default([]),
  /** Per user: task writes, and assistant chat turns, per minute. */
  RATE_LIMIT_WRITES_PER_MINUTE: seconds.default(120),
  RATE_LIMIT_CHAT_PER_MINUTE: seconds.default(20),
  /** Per IP and per feed token: `/cal/<token>.ics` fetches per minute (calendar apps poll hourly). */
  RATE_LIMIT_FEED_PER_MINUTE: seconds.default(30),
  /** Per IP: sign-in, sign-up, password and account changes, per window. */
  RATE_LIMIT_AUTH_PER_IP: seconds.default(10),
  RATE_LIMIT_AUTH_WINDOW_SECONDS: seconds.default(60),
  /**
   * Per email address, per window: sign-up and reset requests are refused past it; sign-in
   * attempts past it are slowed down (growing delay), never refused (docs/decisions/013).
   */
  RATE_LIMIT_AUTH_PER_EMAIL: seconds.default(10),
  RATE_LIMIT_AUTH_EMAIL_WINDOW_SECONDS: seconds.default(900),
  /** Per (email, client IP), per email window: sign-in attempts refused past it. */
  RATE_LIMIT_AUTH_PER_EMAIL_IP: seconds.default(5),
  /** The first slowed-down sign-in waits this long; each further one twice as long, up to the max. */
  AUTH_DELAY_BASE_MS: seconds.default(500),
  AUTH_DELAY_MAX_MS: seconds.default(10_000),
  /** Per IP: every other /api/auth request (sessions, tokens) per minute. */
  RATE_LIMIT_AUTH_OTHER_PER_MINUTE: seconds.default(300),
  /** Open /events streams per user on one replica (a newer one closes the oldest), and in total per replica. */
  EVENT_STREAMS_PER_USER: seconds.default(20),
  EVENT_STREAMS_PER_REPLICA: seconds.default(10_000),
  /** OAuth for MCP clients (decision 007): token lifetimes, open registration's limits. */
  OAUTH_ACCESS_TOKEN_TTL_SECONDS: seconds.default(600),
  OAUTH_REFRESH_TOKEN_TTL_SECONDS: seconds.default(30 * 24 * 3600),
  RATE_LIMIT_OAUTH_REGISTER_PER_IP: seconds.default(10),
  RATE_LIMIT_OAUTH_REGISTER_WINDOW_SECONDS: seconds.default(3600),
  OAUTH_MAX_CLIENTS: seconds.default(1000),
  /** Per user: the most stored tasks, conversations and chat messages (403 quota_exceeded beyond). */
  ROW_LIMIT_TASKS: seconds.default(100_000),
  ROW_LIMIT_CONVERSATIONS: seconds.default(10_000),
  ROW_LIMIT_MESSAGES: seconds.default(200_000),
  /** smtp(s)://user:pass@host:port; unset: emails are written to the log instead. */
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default("Tickler <no-reply@localhost>"),
  RESET_TOKEN_TTL_SECONDS: seconds.default(3600),
  /** Sign-up needs the emailed link (decision 021). Unset: on, except in production without SMTP_URL. */
  EMAIL_VERIFICATION: z.enum(["on", "off"]).optional(),
  VERIFY_TOKEN_TTL_SECONDS: seconds.default(86_400),
  /** Browser origins allowed to call /api/* and /mcp cross-origin (Bearer only). Empty: closed. */
  CORS_ORIGINS: list.default([]),
  /** Reminders (decision 018): one that came due while every server was down fires late within this, else is recorded as missed. */
  REMINDER_GRACE: duration.default(3_600_000),
  /** The longest a replica's reminder poller sleeps (it wakes sooner for the next fire time and on task changes). */
  REMINDER_POLL_SECONDS: seconds.default(30),
  /** VAPID contact (`mailto:` or `https:`); default: PUBLIC_URL when https, else MAIL_FROM's address. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, "use mailto:you@example.com or an https URL")
    .optional(),
  /** Opt-in ChatKit widget: when set, the CSP also allows OpenAI's ChatKit CDN (see http-hardening.ts). */
  CHATKIT_DOMAIN_KEY: z.string().min(1).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Env {
  publicUrl: string;
  /** "all": issuer and resource server; "resource": resource server of a remote issuer. */
  role: "all" | "resource";
  issuer: string;
  jwksUrl: string;
  /** The `resource` identifiers of /mcp: PUBLIC_URL's, plus its loopback aliases on a local server. */
  mcpResources: string[];
  /** Whether new addresses must be verified through an emailed link (EMAIL_VERIFICATION resolved). */
  emailVerification: boolean;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === "production" && !env.BETTER_AUTH_SECRET && !env.AUTH_JWKS_URL) {
    throw new ConfigError(
      "BETTER_AUTH_SECRET is required when NODE_ENV=production (generate one with: openssl rand -base64 32).",
    );
  }
  // Without SMTP a production server writes no link anywhere: nobody could finish signing up.
  const mailless = env.NODE_ENV === "production" && !env.SMTP_URL;
  if (env.EMAIL_VERIFICATION === "on" && mailless) {
    throw new ConfigError(
      "EMAIL_VERIFICATION=on needs SMTP_URL when NODE_ENV=production (verification links are emailed).",
    );
  }
  const emailVerification = env.EMAIL_VERIFICATION ? env.EMAIL_VERIFICATION === "on" : !mailless;
  const role = env.AUTH_JWKS_URL ? "resource" : "all";
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  const issuer = env.AUTH_ISSUER ?? (env.AUTH_JWKS_URL ? new URL(env.AUTH_JWKS_URL).origin : publicUrl);
  const jwksUrl = env.AUTH_JWKS_URL ?? `${publicUrl}/api/auth/jwks`;
  return { ...env, publicUrl, role, issuer, jwksUrl, mcpResources: mcpResourcesOf(publicUrl), emailVerification };
}

const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * A local server answers on localhost, 127.0.0.1 and [::1] alike, and an MCP client
 * compares the `resource` with the URL it was given: each alias is the same resource.
 */
function mcpResourcesOf(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  if (!LOOPBACK_HOSTS.includes(url.hostname)) return [`${publicUrl}/mcp`];
  const port = url.port ? `:${url.port}` : "";
  return [
    `${publicUrl}/mcp`,
    ...LOOPBACK_HOSTS.filter((h) => h !== url.hostname).map((h) => `${url.protocol}//${h}${port}/mcp`),
  ];
}

/** The per-user row caps (src/domain/quotas.ts `RowLimits`). */
export const rowLimits = (config: Env) => ({
  tasks: config.ROW_LIMIT_TASKS,
  conversations: config.ROW_LIMIT_CONVERSATIONS,
  messages: config.ROW_LIMIT_MESSAGES,
});
