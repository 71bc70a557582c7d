/**
 * Composes Tickler: the issuer (unless split), the resource server, health
 * probes and the web app, with request ids, body limits and JSON errors.
 */
import { existsSync } from "node:fs";
import { Hono } from "hono";
import * as z from "zod";
import { bodyLimit } from "hono/body-limit";
import { rowLimits, type Config } from "../config/env.ts";
import { openDatabase, type Database } from "../db/client.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { createAuth, type Auth } from "../issuer/auth.ts";
import { seedMcpResources } from "../issuer/oauth.ts";
import { createMailer, type Mailer } from "../issuer/mailer.ts";
import { issuerRoutes } from "../issuer/routes.ts";
import { selectModel, type ChatModel } from "../assistant/models/select.ts";
import { selectTranscriber, type TranscriptionConfig } from "../assistant/models/transcriber.ts";
import { resourceRoutes } from "../resource/app.ts";
import { createTaskEvents } from "../resource/live/task-events.ts";
import { createReminderEvents } from "../resource/live/reminder-events.ts";
import { startReminders } from "./reminders.ts";
import { createRateLimiter } from "../http/rate-limit.ts";
import { createErrorHandler, errorJson, isApplicationError } from "../http/errors.ts";
import { docs, openApiRoute } from "../http/openapi.ts";
import { Health, Ready } from "../contracts/rest.ts";
import { apiDocsRoutes } from "./api-docs.ts";
import { compressJson } from "../http/compress-json.ts";
import { publicConfigRoutes } from "../resource/routes/public-config.ts";
import { httpJwksLoader, JwksCache } from "../resource/jwks-cache.ts";
import { renderJwksUnavailable } from "../resource/jwks-errors.ts";
import { createRevocations } from "../resource/revocations.ts";
import { CLOCK_SKEW_SECONDS, createVerifier } from "../resource/verify-jwt.ts";
import { clientIpOf, trustedProxies } from "../http/client-ip.ts";
import { requestIds } from "../http/request-id.ts";
import { apiCors, requestLog, securityHeaders } from "./http-hardening.ts";
import type { Logger } from "../http/logger.ts";
import { resolveAuthSecret } from "./secret.ts";
import { webRoutes, WEB_DIST } from "./web.ts";

/** Routes that set their own, larger body limit: import files, voice recordings, ChatKit (base64 audio). */
const OWN_BODY_LIMIT = /^\/api\/(?:[^/]+\/import(\/preview)?|[^/]+\/chat\/transcribe|chatkit)\/?$/;

/** The REST API's version in the OpenAPI document (not the package's). */
const API_VERSION = "1";
const API_DESCRIPTION =
  "Every endpoint outside `/api/auth` takes `Authorization: Bearer <jwt>` (from `GET /api/auth/token` with a signed-in session). " +
  "`{user_id}` must be the token's subject, or `me`. Errors are always `{ error: { code, message, details?, request_id } }`.";

export interface Tickler {
  app: Hono;
  database: Database;
  auth: Auth | undefined;
  config: Config;
  /** Marks the instance as draining: /readyz fails from then on. */
  drain(): void;
  close(): Promise<void>;
}

/** What tests may swap: the chat model (scripted mock models). */
export interface TicklerOverrides {
  model?: ChatModel;
  /** The speech-to-text model (tests: a mock), or null for none; by default from AI_MODEL/AI_TRANSCRIBE_MODEL. */
  transcription?: TranscriptionConfig | null;
  /** Replaces the configured mailer (tests observe what is sent and when). */
  mailer?: Mailer;
  /** Tests: the agent Web Push requests use (one that trusts a fake push service's certificate). */
  pushAgent?: import("node:https").Agent;
}

export async function createTickler(
  config: Config,
  logger: Logger,
  overrides: TicklerOverrides = {},
): Promise<Tickler> {
  // Chosen first: a bad AI_MODEL is a configuration error, reported before anything opens.
  const model = overrides.model ?? (await selectModel(config));
  const transcription =
    overrides.transcription !== undefined ? overrides.transcription : await selectTranscriber(config);
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    pgliteSharedBuffers: config.PGLITE_SHARED_BUFFERS,
    isApplicationError,
  });
  try {
    await migrateDatabase(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  const { db } = database;
  const proxies = trustedProxies(config.TRUST_PROXY);
  const clientIp = clientIpOf(proxies);
  const limiter = await createRateLimiter(config, db);
  const mailer = overrides.mailer ?? (await createMailer(config, logger));
  if (config.role === "all") await seedMcpResources(db, config);
  const auth =
    config.role === "all"
      ? createAuth({ config, db, logger, limiter, mailer, secret: resolveAuthSecret(config, logger) })
      : undefined;

  // Plugin start-up (the OAuth provider seeds its resource rows) finishes before the first request or close.
  if (auth) await auth.$context;

  const jwks = new JwksCache({
    // In one process the verifier reads the issuer's key set directly, no HTTP round trip.
    load: auth ? async () => await auth.api.getJwks() : httpJwksLoader(config.jwksUrl),
    cooldownMs: config.JWKS_COOLDOWN_SECONDS * 1000,
  });
  const revocations = await createRevocations(database, {
    keepSeconds: config.JWT_TTL_SECONDS + CLOCK_SKEW_SECONDS,
    logger,
  });
  const verify = createVerifier({
    revoked: (sid) => revocations.has(sid),
    jwks,
    issuer: config.issuer,
    audience: config.AUTH_AUDIENCE,
    algorithms: config.AUTH_ALGORITHMS,
    cache: config.TOKEN_CACHE === "on",
    clockSkewSeconds: config.JWT_CLOCK_SKEW_SECONDS,
  });
  // MCP clients' OAuth access tokens: same keys and issuer, audience = the /mcp resource.
  const verifyOAuth = createVerifier({
    jwks,
    issuer: config.issuer,
    audience: config.mcpResources,
    algorithms: config.AUTH_ALGORITHMS,
    cache: config.TOKEN_CACHE === "on",
    clockSkewSeconds: config.JWT_CLOCK_SKEW_SECONDS,
    kind: "oauth",
  });

  const events = await createTaskEvents(database, logger);
  const reminderEvents = await createReminderEvents(database, logger);
  const reminders = await startReminders({
    config,
    database,
    events: reminderEvents,
    mailer,
    logger,
    pushAgent: overrides.pushAgent,
  });

  let draining = false;
  const app = new Hono();
  app.use(requestIds(proxies));
  app.use(requestLog(logger));
  app.use(securityHeaders(config, { chatkit: Boolean(config.CHATKIT_DOMAIN_KEY) }));
  const corsHandler = apiCors(config);
  if (corsHandler) for (const path of ["/api/*", "/mcp", "/mcp/*"]) app.use(path, corsHandler);
  const generalBodyLimit = bodyLimit({
    maxSize: config.BODY_LIMIT_BYTES,
    onError: (c) => errorJson(c, 413, "payload_too_large", `the body must be at most ${config.BODY_LIMIT_BYTES} bytes`),
  });
  // Import files and recordings are the larger bodies; their routes set their own bounds (after the token check).
  app.use((c, next) => (OWN_BODY_LIMIT.test(c.req.path) ? next() : generalBodyLimit(c, next)));
  // After the body limit, so the limit applies to what the client sent; before the routes, so it sees their answer.
  app.use("/api/*", compressJson());
  const doc = docs("Server");
  app.get("/healthz", doc({ summary: "Liveness: the process is up", public: true, responses: { 200: Health } }), (c) =>
    c.json({ status: "ok" as const }),
  );
  app.get(
    "/readyz",
    doc({
      summary: "Readiness: the database answers (503 while draining)",
      public: true,
      responses: { 200: Ready },
      errors: [503],
    }),
    async (c) => {
      if (draining) return errorJson(c, 503, "draining", "this instance is shutting down");
      try {
        await database.ping();
        return c.json({ status: "ready" as const });
      } catch {
        return errorJson(c, 503, "database_unavailable", "the database is unavailable");
      }
    },
  );
  if (auth)
    app.route(
      "/",
      issuerRoutes(auth, { config, limiter, clientIp }, () => revocations.settled()),
    );
  else app.all("/api/auth/*", (c) => errorJson(c, 404, "not_found", "this server does not issue tokens"));
  const openApi = {
    summary: "This OpenAPI 3.1 document",
    public: true,
    responses: { 200: { description: "OpenAPI 3.1", schema: z.looseObject({ openapi: z.string() }) } },
  };
  app.get(
    "/api/openapi.json",
    doc(openApi),
    openApiRoute(app, { title: "Tickler API", version: API_VERSION, description: API_DESCRIPTION }),
  );
  app.route("/", apiDocsRoutes());
  app.route(
    "/api/config",
    publicConfigRoutes({
      chatkitDomainKey: config.CHATKIT_DOMAIN_KEY,
      model: model.name,
      transcription: transcription !== null,
      vapidPublicKey: reminders.vapidPublicKey,
    }),
  );
  app.route(
    "/",
    resourceRoutes({
      db,
      verify,
      verifyOAuth,
      limiter,
      events,
      reminderEvents,
      emailReminders: mailer.kind === "smtp",
      rowLimits: rowLimits(config),
      streamLimits: { perUser: config.EVENT_STREAMS_PER_USER, total: config.EVENT_STREAMS_PER_REPLICA },
      chat: { model, timeoutMs: config.AI_TIMEOUT_SECONDS * 1000 },
      transcription,
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      site: {
        publicUrl: config.publicUrl,
        issuer: config.issuer,
        jwksUrl: config.jwksUrl,
        mcpResources: config.mcpResources,
      },
      logger,
      calendarFeed: { rule: { max: config.RATE_LIMIT_FEED_PER_MINUTE, windowSeconds: 60 }, clientIp },
    }),
  );
  if (existsSync(WEB_DIST)) app.route("/", webRoutes());
  app.notFound((c) => errorJson(c, 404, "not_found", `no route for ${c.req.method} ${c.req.path}`));
  app.onError(createErrorHandler(logger, [renderJwksUnavailable(logger)]));

  return {
    app,
    database,
    auth,
    config,
    drain: () => {
      draining = true;
      void reminders.stop();
      events.endStreams();
    },
    close: async () => {
      await reminders.stop();
      await reminderEvents.close();
      await events.close();
      await revocations.close();
      await limiter.close();
      mailer.close();
      await database.close();
    },
  };
}
