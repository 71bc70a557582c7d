/** `/api/{user_id}/tasks`: thin handlers that validate, call the domain, and answer. */
import { Hono } from "hono";
import * as z from "zod";
import { TaskBulk, TaskMove } from "../../contracts/list.ts";
import { TaskComplete, TaskCounts, TaskCreate, TaskListQuery, TaskPage, TaskPatch, TaskReplace } from "../../contracts/task.ts";
import type { Db } from "../../db/client.ts";
import { bulkEdit } from "../../domain/tasks/bulk-edit.ts";
import { countTasks } from "../../domain/tasks/counts.ts";
import type { RowLimits } from "../../domain/quotas.ts";
import { moveTasks } from "../../domain/tasks/move.ts";
import * as tasks from "../../domain/tasks/service.ts";
import { revalidationKey } from "../../domain/tasks/version.ts";
import { dayBounds } from "../../domain/time.ts";
import { matches, notModified, setTag, shapeOf, tagOf } from "../etag.ts";
import { OccurrenceQuery, type OccurrencePage } from "../../contracts/occurrences.ts";
import { listOccurrences } from "../../domain/tasks/projections.ts";
import { withRecurrenceRead } from "../recurrence-text.ts";
import { requestZone, zoneFor } from "../time-zone.ts";
import type { AuthEnv } from "../require-user.ts";
import { IntId, jsonBody, parseWith, queryParams } from "../validate.ts";

export interface TaskRouteDeps {
  db: Db;
  rowLimits: RowLimits;
  /** Called after every change so open pages can refresh (live updates). */
  onChange?: (userId: string) => void;
}

/** Without `tz`, the counts' "today" is the user's stored zone's. */
const CountsQuery = z.strictObject({ tz: z.string().max(64).optional() });
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
  app.get("/", async (c) => {
    const query = queryParams(c, TaskListQuery);
    const userId = c.var.user.id;
    const now = new Date();
    const tag = (k: { version: number; nextDue: string | null }) => tagOf(["tasks", PAGE_SHAPE, userId, k.version, k.nextDue, query]);
    const conditional = c.req.header("if-none-match");
    if (conditional) {
      const etag = tag(await revalidationKey(db, userId, now, Boolean(query.overdue)));
      if (matches(conditional, etag)) return notModified(c, etag);
    }
    const { version, nextDue, ...page } = await tasks.listTasks(db, userId, query, now);
    setTag(c, tag({ version, nextDue }));
    return c.json(page);
  });

  app.get("/counts", async (c) => {
    const { tz } = queryParams(c, CountsQuery);
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
  app.get("/occurrences", async (c) => {
    const { tz, ...query } = queryParams(c, OccurrenceQuery.extend({ tz: z.string().max(64).optional() }));
    const zone = await zoneFor(db, c.var.user.id, tz ?? c.req.header("x-time-zone"));
    return c.json({ occurrences: await listOccurrences(db, c.var.user.id, query, zone) } satisfies OccurrencePage);
  });

  app.post("/", async (c) => {
    const timeZone = await requestZone(c, db);
    const input = withRecurrenceRead(await jsonBody(c, TaskCreate), timeZone);
    const task = await tasks.createTask(db, c.var.user.id, input, rowLimits, { timeZone });
    c.header("location", `${c.req.path.replace(/\/$/, "")}/${task.id}`);
    return c.json(changed(c.var.user.id, task), 201);
  });

  app.post("/move", async (c) => {
    const input = await jsonBody(c, TaskMove);
    return c.json(changed(c.var.user.id, { tasks: await moveTasks(db, c.var.user.id, input) }));
  });

  // One request, one write against the rate limit, however many ids.
  app.post("/bulk", async (c) => {
    const input = await jsonBody(c, TaskBulk);
    return c.json(changed(c.var.user.id, await bulkEdit(db, c.var.user.id, input)));
  });

  app.get("/:id", async (c) => c.json(await tasks.getTask(db, c.var.user.id, idOf(c.req.param("id")))));

  app.put("/:id", async (c) => {
    const id = idOf(c.req.param("id"));
    const timeZone = await requestZone(c, db);
    const input = withRecurrenceRead(await jsonBody(c, TaskReplace), timeZone);
    return c.json(changed(c.var.user.id, await tasks.replaceTask(db, c.var.user.id, id, input, { timeZone })));
  });

  app.patch("/:id", async (c) => {
    const id = idOf(c.req.param("id"));
    const timeZone = await requestZone(c, db);
    const input = withRecurrenceRead(await jsonBody(c, TaskPatch), timeZone);
    const { task, completed_subtask_ids } = await tasks.updateTask(db, c.var.user.id, id, input, { timeZone });
    return c.json(changed(c.var.user.id, completed_subtask_ids.length ? { ...task, completed_subtask_ids } : task));
  });

  app.patch("/:id/complete", async (c) => {
    const id = idOf(c.req.param("id"));
    const { completed } = await jsonBody(c, TaskComplete, { allowEmpty: true });
    return c.json(changed(c.var.user.id, await tasks.setCompleted(db, c.var.user.id, id, completed, { timeZone: await requestZone(c, db) })));
  });

  // A recurring task's current occurrence skipped: due at the next one, nothing completed.
  app.post("/:id/skip", async (c) => {
    const id = idOf(c.req.param("id"));
    await jsonBody(c, z.strictObject({}), { allowEmpty: true });
    const { task } = await tasks.skipTask(db, c.var.user.id, id, { timeZone: await requestZone(c, db) });
    return c.json(changed(c.var.user.id, task));
  });

  app.delete("/:id", async (c) => {
    await tasks.deleteTask(db, c.var.user.id, idOf(c.req.param("id")));
    changed(c.var.user.id, null);
    return c.body(null, 204);
  });

  return app;
}
