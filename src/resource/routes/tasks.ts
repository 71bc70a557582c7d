/** `/api/{user_id}/tasks`: thin handlers that validate, call the domain, and answer. */
import { Hono } from "hono";
import { TaskBulk, TaskMove } from "../../contracts/list.ts";
import { BulkResult, OccurrencesQuery, SkipRequest, TaskCountsQuery, TaskList, TaskWithCompletedSubtasks } from "../../contracts/rest.ts";
import { Task, TaskComplete, TaskCounts, TaskCreate, TaskListQuery, TaskPage, TaskPatch, TaskReplace } from "../../contracts/task.ts";
import type { Db } from "../../db/client.ts";
import { bulkEdit } from "../../domain/tasks/bulk-edit.ts";
import { countTasks } from "../../domain/tasks/counts.ts";
import type { RowLimits } from "../../domain/quotas.ts";
import { moveTasks } from "../../domain/tasks/move.ts";
import * as tasks from "../../domain/tasks/service.ts";
import { revalidationKey } from "../../domain/tasks/version.ts";
import { dayBounds } from "../../domain/time.ts";
import { docs } from "../../http/openapi.ts";
import { matches, notModified, setTag, shapeOf, tagOf } from "../etag.ts";
import { OccurrencePage } from "../../contracts/occurrences.ts";
import { listOccurrences } from "../../domain/tasks/projections.ts";
import { withRecurrenceRead } from "../recurrence-text.ts";
import { explicitZone, requestZone, zoneFor } from "../time-zone.ts";
import type { AuthEnv } from "../require-user.ts";
import { IntId, jsonBody, parseWith, queryParams } from "../validate.ts";

export interface TaskRouteDeps {
  db: Db;
  rowLimits: RowLimits;
  /** Called after every change so open pages can refresh (live updates). */
  onChange?: (userId: string) => void;
}

const doc = docs("Tasks");
const byId = { params: { id: IntId } };
const PAGE_SHAPE = shapeOf(TaskPage);
const COUNTS_SHAPE = shapeOf(TaskCounts);

export function taskRoutes({ db, rowLimits, onChange = () => {} }: TaskRouteDeps) {
  const app = new Hono<AuthEnv>();
  const idOf = (raw: string | undefined) => parseWith(IntId, raw, "task id");
  const changed = <T>(userId: string, value: T) => {
    onChange(userId);
    return value;
  };

  // Conditional GETs (ETag / If-None-Match → 304) for the list and the counts: etag.ts.
  app.get("/", doc({ summary: "List tasks (filters, search, sort, cursor pages)", query: TaskListQuery, revalidates: true, responses: { 200: TaskPage } }), async (c) => {
    const query = queryParams(c, TaskListQuery);
    const userId = c.var.user.id;
    const now = new Date();
    const tag = (k: { version: number; nextDue: string | null }) => tagOf(["tasks", PAGE_SHAPE, userId, k.version, k.nextDue, query]);
    const conditional = c.req.header("if-none-match");
    if (conditional) {
      const etag = tag(await revalidationKey(db, userId, now, Boolean(query.overdue)));
      if (matches(conditional, etag)) return notModified(c, etag);
    }
    const { body, version, nextDue } = await tasks.listTasksJson(db, userId, query, now);
    setTag(c, tag({ version, nextDue }));
    return c.body(body, 200, { "content-type": "application/json" });
  });

  app.get("/counts", doc({ summary: "Counts per view and per list", query: TaskCountsQuery, revalidates: true, responses: { 200: TaskCounts } }), async (c) => {
    const { tz } = queryParams(c, TaskCountsQuery);
    const userId = c.var.user.id;
    const now = new Date();
    const zone = await zoneFor(db, userId, tz);
    // The day's start stands for the clock's effect on due_today/upcoming, nextDue for overdue's.
    const tag = (k: { version: number; nextDue: string | null }) => tagOf(["counts", COUNTS_SHAPE, userId, k.version, k.nextDue, zone, dayBounds(now, zone).start.toISOString()]);
    const conditional = c.req.header("if-none-match");
    if (conditional) {
      const etag = tag(await revalidationKey(db, userId, now, true));
      if (matches(conditional, etag)) return notModified(c, etag);
    }
    const { version, nextDue, ...counts } = await countTasks(db, userId, zone, now);
    setTag(c, tag({ version, nextDue }));
    return c.json(counts);
  });

  // Before "/:id", which would take "occurrences" for a task number.
  app.get("/occurrences", doc({ summary: "Projected occurrences of recurring tasks in a window", description: "Read-only previews of the dates a recurring task will be due on after its current `due_at`, in `tz` (or `X-Time-Zone`, else your stored zone).", query: OccurrencesQuery, zoned: true, responses: { 200: OccurrencePage } }), async (c) => {
    const { tz, ...query } = queryParams(c, OccurrencesQuery);
    const zone = await zoneFor(db, c.var.user.id, tz ?? c.req.header("x-time-zone"));
    return c.json({ occurrences: await listOccurrences(db, c.var.user.id, query, zone) } satisfies OccurrencePage);
  });

  app.post("/", doc({ summary: "Create a task", body: TaskCreate, idempotent: true, zoned: true, responses: { 201: { schema: Task, headers: { Location: "the new task" } } }, errors: [403, 404, 429] }), async (c) => {
    // The stored zone costs a query: read it only for a recurrence in words (the domain reads it
    // itself for a recurrence without a due date); an explicit zone is checked either way.
    const explicit = explicitZone(c);
    const body = await jsonBody(c, TaskCreate);
    const timeZone = body.recurrence && !("rule" in body.recurrence) ? (explicit ?? (await requestZone(c, db))) : explicit;
    const input = timeZone ? withRecurrenceRead(body, timeZone) : body;
    const task = await tasks.createTask(db, c.var.user.id, input, rowLimits, { timeZone });
    c.header("location", `${c.req.path.replace(/\/$/, "")}/${task.id}`);
    return c.json(changed(c.var.user.id, task), 201);
  });

  app.post("/move", doc({ summary: "Move tasks (atomic; subtasks follow)", body: TaskMove, idempotent: true, responses: { 200: TaskList }, errors: [404, 429] }), async (c) => {
    const input = await jsonBody(c, TaskMove);
    return c.json(changed(c.var.user.id, { tasks: await moveTasks(db, c.var.user.id, input) }));
  });

  // One request, one write against the rate limit, however many ids.
  app.post("/bulk", doc({ summary: "Change or delete many tasks at once (all-or-nothing)", body: TaskBulk, idempotent: true, responses: { 200: BulkResult }, errors: [404, 429] }), async (c) => {
    const input = await jsonBody(c, TaskBulk);
    return c.json(changed(c.var.user.id, await bulkEdit(db, c.var.user.id, input)));
  });

  app.get("/:id", doc({ summary: "Read a task", ...byId, responses: { 200: Task }, errors: [404] }), async (c) => c.json(await tasks.getTask(db, c.var.user.id, idOf(c.req.param("id")))));

  app.put("/:id", doc({ summary: "Replace a task's fields", ...byId, body: TaskReplace, zoned: true, responses: { 200: Task }, errors: [404, 429] }), async (c) => {
    const id = idOf(c.req.param("id"));
    const timeZone = await requestZone(c, db);
    const input = withRecurrenceRead(await jsonBody(c, TaskReplace), timeZone);
    return c.json(changed(c.var.user.id, await tasks.replaceTask(db, c.var.user.id, id, input, { timeZone })));
  });

  app.patch("/:id", doc({ summary: "Change some fields (`null` clears)", ...byId, body: TaskPatch, zoned: true, responses: { 200: TaskWithCompletedSubtasks }, errors: [404, 429] }), async (c) => {
    const id = idOf(c.req.param("id"));
    const timeZone = await requestZone(c, db);
    const input = withRecurrenceRead(await jsonBody(c, TaskPatch), timeZone);
    const { task, completed_subtask_ids } = await tasks.updateTask(db, c.var.user.id, id, input, { timeZone });
    return c.json(changed(c.var.user.id, completed_subtask_ids.length ? { ...task, completed_subtask_ids } : task));
  });

  app.patch("/:id/complete", doc({ summary: "Set or toggle completed", description: "`{ completed }` sets it; an empty body toggles. Completing also completes open subtasks.", ...byId, body: TaskComplete, bodyOptional: true, zoned: true, responses: { 200: TaskWithCompletedSubtasks }, errors: [404, 429] }), async (c) => {
    const id = idOf(c.req.param("id"));
    const { completed } = await jsonBody(c, TaskComplete, { allowEmpty: true });
    return c.json(changed(c.var.user.id, await tasks.setCompleted(db, c.var.user.id, id, completed, { timeZone: await requestZone(c, db) })));
  });

  // A recurring task's current occurrence skipped: due at the next one, nothing completed.
  app.post("/:id/skip", doc({ summary: "Skip a recurring task's current occurrence", description: "Due at the next occurrence; nothing is completed or counted. 409 when the task does not recur, is completed, or this is its last occurrence.", ...byId, body: SkipRequest, bodyOptional: true, zoned: true, responses: { 200: Task }, errors: [404, 409, 429] }), async (c) => {
    const id = idOf(c.req.param("id"));
    await jsonBody(c, SkipRequest, { allowEmpty: true });
    const { task } = await tasks.skipTask(db, c.var.user.id, id, { timeZone: await requestZone(c, db) });
    return c.json(changed(c.var.user.id, task));
  });

  app.delete("/:id", doc({ summary: "Delete a task and its subtasks", ...byId, responses: { 204: null }, errors: [404, 429] }), async (c) => {
    await tasks.deleteTask(db, c.var.user.id, idOf(c.req.param("id")));
    changed(c.var.user.id, null);
    return c.body(null, 204);
  });

  return app;
}
