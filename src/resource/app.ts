/**
 * The resource server: every `/api/{user_id}/…` route, behind Bearer JWT
 * verification and the path-user check. Knows nothing of how tokens are issued.
 */
import { Hono } from "hono";
import type { ChatModel } from "../assistant/models/select.ts";
import type { TranscriptionConfig } from "../assistant/models/transcriber.ts";
import type { Transcriber } from "../assistant/transcribe.ts";
import type { ToolContext } from "../assistant/tools/define.ts";
import type { Db } from "../db/client.ts";
import type { RowLimits } from "../domain/quotas.ts";
import type { Logger } from "../http/logger.ts";
import { createStreamSlots } from "./live/stream-slots.ts";
import type { TaskEvents } from "./live/task-events.ts";
import type { ReminderEvents } from "./live/reminder-events.ts";
import { pushSubscriptionRoutes, reminderSettingsRoutes, snoozeRoutes } from "./routes/reminders.ts";
import { idempotency } from "./idempotency.ts";
import { pathUser } from "./path-user.ts";
import { rateLimitWrites, type RateLimiter, type RateRule } from "../http/rate-limit.ts";
import type { Context } from "hono";
import { requireUser, type AuthEnv } from "./require-user.ts";
import { accountRoutes } from "./routes/account.ts";
import { calendarFeedRoutes, calendarServeRoutes } from "./routes/calendar-feed.ts";
import { chatRoutes } from "./routes/chat.ts";
import { chatkitRoutes } from "./routes/chatkit.ts";
import { connectedAppRoutes } from "./routes/connected-apps.ts";
import { conversationRoutes } from "./routes/conversations.ts";
import { eventRoutes } from "./routes/events.ts";
import { importRoutes } from "./routes/import.ts";
import { listRoutes, sectionRoutes } from "./routes/lists.ts";
import { mcpRoutes, type McpDeps } from "./routes/mcp.ts";
import { settingsRoutes } from "./routes/settings.ts";
import { taskRoutes } from "./routes/tasks.ts";
import type { TokenVerifier } from "./verify-jwt.ts";

export interface ResourceDeps {
  db: Db;
  verify: TokenVerifier;
  /** Per-user limits; task writes use "write", the chat route "chat". */
  limiter: RateLimiter;
  /** Task change signals shared by every replica (REST, chat and MCP publish; /events listens). */
  events: TaskEvents;
  /** Fired reminders, to the /events streams of their user (any replica). */
  reminderEvents?: ReminderEvents | undefined;
  /** Whether email reminders can be offered (SMTP_URL is set). */
  emailReminders?: boolean;
  /** Caps on open /events streams: per user (oldest closed first) and per replica. */
  streamLimits: { perUser: number; total: number };
  chat: { model: ChatModel; timeoutMs: number };
  /** Voice input's speech-to-text model; null: none (the transcribe calls answer 501). */
  transcription?: TranscriptionConfig | null;
  /** BODY_LIMIT_BYTES: ChatKit's bound when it takes no audio. */
  bodyLimitBytes?: number;
  /** Per-user caps on stored tasks, conversations and messages, on every surface. */
  rowLimits: RowLimits;
  /** Where MCP clients learn which issuer to get tokens from. */
  site: Pick<McpDeps, "publicUrl" | "issuer" | "jwksUrl" | "mcpResources">;
  /** Verifies OAuth access tokens (MCP clients); /mcp only. */
  verifyOAuth: TokenVerifier;
  /** Receives what a failed tool must not tell its caller. */
  logger: Logger;
  /** `/cal/<token>.ics`: requests per IP and per token, and how the client's IP is read. */
  calendarFeed: { rule: RateRule; clientIp: (c: Context) => string | undefined };
}

/** A tool's unexpected failure, in full, for the server log only. */
function toolErrorReporter(logger: Logger): NonNullable<ToolContext["reportError"]> {
  return (err, fields) =>
    logger.error("tool failed", {
      ...fields,
      error: err instanceof Error ? err.message : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    });
}

export function resourceRoutes({
  db,
  verify,
  verifyOAuth,
  limiter,
  events,
  streamLimits,
  chat,
  rowLimits,
  site,
  logger,
  calendarFeed,
  reminderEvents,
  emailReminders = false,
  transcription = null,
  bodyLimitBytes = 64 * 1024,
}: ResourceDeps) {
  const onTasksChanged = (userId: string) => events.publish(userId);
  const reportError = toolErrorReporter(logger);
  // One per-user write budget for REST and every tool surface (the middleware's "write:<user>" key).
  const writeBudget = (userId: string) => () => limiter.consume(`write:${userId}`, limiter.rules.write);
  const transcriber: Transcriber = {
    config: transcription,
    timeoutMs: chat.timeoutMs,
    reportError: (err, fields) =>
      logger.warn("transcription failed", { ...fields, error: err instanceof Error ? err.message : String(err) }),
  };
  const app = new Hono<AuthEnv>();
  const gate = [requireUser({ verify }), pathUser] as const;
  // Every per-user resource sits behind the gate once ("/x/*" also matches "/x").
  for (const path of [
    "tasks",
    "lists",
    "sections",
    "export",
    "import",
    "chat",
    "conversations",
    "events",
    "connected-apps",
    "calendar-feed",
    "reminders",
    "push-subscriptions",
    "reminder-settings",
    "settings",
  ])
    app.use(`/api/:user_id/${path}/*`, ...gate);
  app.use("/api/:user_id/conversations/*", rateLimitWrites({ limiter, limit: "write" }));
  app.use("/api/:user_id/import/*", rateLimitWrites({ limiter, limit: "write" }));
  for (const path of ["reminders", "push-subscriptions", "reminder-settings"])
    app.use(`/api/:user_id/${path}/*`, rateLimitWrites({ limiter, limit: "write" }));
  app.use("/api/:user_id/settings/*", rateLimitWrites({ limiter, limit: "write" }));
  for (const path of ["tasks", "lists", "sections"]) {
    app.use(`/api/:user_id/${path}/*`, rateLimitWrites({ limiter, limit: "write" }));
    // Creates and bulk writes honour Idempotency-Key (offline clients replay their queue with it).
    app.use(`/api/:user_id/${path}/*`, idempotency({ db }));
  }
  app.route("/api/:user_id/export", accountRoutes({ db }));
  app.route("/api/:user_id/import", importRoutes({ db, rowLimits, onChange: onTasksChanged }));
  app.route("/api/:user_id/settings", settingsRoutes({ db }));
  app.route("/api/:user_id/connected-apps", connectedAppRoutes({ db }));
  // Making a feed URL is a write like any other; serving one is limited per IP and token instead.
  app.use("/api/:user_id/calendar-feed/*", rateLimitWrites({ limiter, limit: "write" }));
  app.route("/api/:user_id/calendar-feed", calendarFeedRoutes({ db, publicUrl: site.publicUrl }));
  app.route("/", calendarServeRoutes({ db, limiter, ...calendarFeed }));
  app.route("/api/:user_id/tasks", taskRoutes({ db, rowLimits, onChange: onTasksChanged }));
  const reminderDeps = { db, emailAvailable: emailReminders, onChange: onTasksChanged };
  app.route("/api/:user_id/reminders", snoozeRoutes(reminderDeps));
  app.route("/api/:user_id/push-subscriptions", pushSubscriptionRoutes(reminderDeps));
  app.route("/api/:user_id/reminder-settings", reminderSettingsRoutes(reminderDeps));
  app.route("/api/:user_id/lists", listRoutes({ db, onChange: onTasksChanged }));
  app.route("/api/:user_id/sections", sectionRoutes({ db, onChange: onTasksChanged }));
  // A turn and a transcription each count against the same per-user "chat" budget.
  for (const path of ["chat", "chat/transcribe"])
    app.use(`/api/:user_id/${path}`, rateLimitWrites({ limiter, limit: "chat" }));
  app.route(
    "/api/:user_id/chat",
    chatRoutes({ db, ...chat, rowLimits, onTasksChanged, reportError, writeBudget, transcriber }),
  );
  app.route("/api/:user_id/conversations", conversationRoutes(db));
  // ChatKit's single endpoint (the user comes from the token; chat/write limits apply per request type inside).
  app.use("/api/chatkit", requireUser({ verify }));
  app.route(
    "/api/chatkit",
    chatkitRoutes({
      db,
      ...chat,
      rowLimits,
      onTasksChanged,
      reportError,
      limiter,
      writeBudget,
      transcriber,
      bodyLimitBytes,
    }),
  );
  app.route("/api/:user_id/events", eventRoutes(events, createStreamSlots(streamLimits), reminderEvents));
  app.route("/", mcpRoutes({ db, verify, verifyOAuth, ...site, rowLimits, onTasksChanged, reportError, writeBudget }));
  return app;
}
