/**
 * What list cursors decode to. Cursors are opaque to clients but come back
 * from them, so every field is bounded here: a crafted cursor is
 * `invalid_cursor`, never a value PostgreSQL refuses (a 500).
 */
import * as z from "zod";
import { PRIORITIES, TASK_ID_MAX, TITLE_MAX } from "./task.ts";
import { NO_NUL } from "./text.ts";

/**
 * An instant exactly as `Date#toISOString` writes it, years 0001–9999: what the
 * server puts in cursors, and inside PostgreSQL's timestamptz range. `Date.parse`
 * alone is not enough: it takes "1", "+275760-09-13T…" and free-form dates.
 */
export const CursorInstant = z
  .string()
  .regex(/^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  .refine((s) => {
    const d = new Date(s);
    return !Number.isNaN(d.getTime()) && d.toISOString() === s;
  });

const order = z.enum(["asc", "desc"]);
const id = z.number().int().min(1).max(TASK_ID_MAX);
const key = <S extends string, V extends z.ZodType>(s: S, v: V) => z.strictObject({ s: z.literal(s), o: order, v, id });

/** A task list cursor: the sort, order, sort key and id of the last task shown. */
export const TaskCursor = z.discriminatedUnion("s", [
  key("created_at", CursorInstant),
  key("updated_at", CursorInstant),
  key("due_at", CursorInstant.nullable()),
  key("priority", z.number().int().min(0).max(PRIORITIES.length - 1)),
  // lower(title): lower-casing can lengthen a string, hence the slack.
  key("title", z.string().max(TITLE_MAX * 2).regex(NO_NUL)),
  // Manual order (bigint gapped ranks) and search rank (scaled to an integer): whole numbers only.
  key("position", z.number().int().safe()),
  key("relevance", z.number().int().safe()),
]);
export type TaskCursor = z.infer<typeof TaskCursor>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A conversation list cursor, `<last activity>|<id>`: the keyset of the last conversation shown. */
export const ConversationCursor = z.tuple([CursorInstant, z.string().regex(UUID)]);
