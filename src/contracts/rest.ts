/**
 * Shapes only the REST API uses, which had no contract of their own until the
 * OpenAPI document and the web's typed client needed one: the wrappers around
 * tasks, lists and sections, the counts query, and the probes. Imports only zod
 * and the other contracts.
 */
import * as z from "zod";
import { List, Section } from "./list.ts";
import { OccurrenceQuery } from "./occurrences.ts";
import { Task } from "./task.ts";

const Tz = z.string().max(64).optional();

/** `GET …/tasks/counts`: "today" and "upcoming" are days in this time zone. */
export const TaskCountsQuery = z.strictObject({
  tz: Tz.describe("IANA time zone for today/upcoming; without it, your stored zone (GET …/settings)"),
});

/** `GET …/tasks/occurrences`: the window, and the zone its recurrences are read in. */
export const OccurrencesQuery = OccurrenceQuery.extend({
  tz: Tz.describe("IANA time zone the recurrences are read in; without it, X-Time-Zone or your stored zone"),
});

/** `POST …/tasks/{id}/skip` takes no fields (an empty body is fine too). */
export const SkipRequest = z.strictObject({});

/** PATCH …/tasks/{id} and …/complete: completing also completes open subtasks, listed here (for Undo). */
export const TaskWithCompletedSubtasks = Task.extend({ completed_subtask_ids: z.array(z.number().int()).optional() });
export const TaskList = z.object({ tasks: z.array(Task) });
export const BulkResult = z.union([
  z.object({ tasks: z.array(Task), completed_subtask_ids: z.array(z.number().int()).optional() }),
  z.object({ deleted: z.array(z.number().int()) }),
]);
export type BulkResult = z.infer<typeof BulkResult>;
export const ListList = z.object({ lists: z.array(List) });
export const SectionList = z.object({ sections: z.array(Section) });
export const UndoneResult = z.object({ undone: z.object({ at: z.string(), note: z.string() }) });

/** `GET …/export`: the format grows (lists, reminders…); clients read the fields they know. */
export const AccountExport = z.looseObject({
  format_version: z.number().int(),
  exported_at: z.string(),
  profile: z.object({ id: z.string(), email: z.string().nullable(), name: z.string().nullable() }),
  tasks: z.array(Task),
  conversations: z.array(z.looseObject({ id: z.string(), title: z.string(), messages: z.array(z.unknown()) })),
});

export const Health = z.object({ status: z.literal("ok") });
export const Ready = z.object({ status: z.literal("ready") });
