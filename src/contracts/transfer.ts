/**
 * Import and export: which formats Tickler reads, the bounds on an import, and
 * what a preview or an import answers. Imports only zod.
 */
import * as z from "zod";

export const IMPORT_FORMATS = ["tickler-json", "todoist-csv", "todoist-json", "ticktick-csv"] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** An import is one request: its body (the file) is at most this many bytes… */
export const IMPORT_BYTES_MAX = 2 * 1024 * 1024;
/** …and creates at most this many tasks (subtasks included). */
export const IMPORT_TASKS_MAX = 5_000;
/** How many of the problems found a preview lists one by one. */
export const IMPORT_SKIPPED_SHOWN = 50;

export const ImportQuery = z.strictObject({
  format: ImportFormat,
  /** A Todoist CSV file is one project without its name in it: the list it goes to (default: the Inbox). */
  list: z.string().trim().min(1).max(100).optional(),
  /** The zone plain-words dates in the file are meant in (default: the user's). */
  tz: z.string().max(64).optional(),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

/** One thing in the file that cannot be carried over as it is. */
export const ImportIssue = z.object({ where: z.string(), message: z.string() });
export type ImportIssue = z.infer<typeof ImportIssue>;

/** What an import will create (preview) or created (import). */
export const ImportSummary = z.object({
  format: ImportFormat,
  lists: z.array(z.object({ name: z.string(), existing: z.boolean(), sections: z.number(), tasks: z.number() })),
  tasks: z.number(),
  subtasks: z.number(),
  completed: z.number(),
  with_due_date: z.number(),
  with_recurrence: z.number(),
  with_reminders: z.number(),
  /** Titles of the first tasks, to recognise the file. */
  sample: z.array(z.string()),
  issues: z.array(ImportIssue),
  issue_count: z.number(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportResult = ImportSummary.extend({ imported: z.literal(true) });
export type ImportResult = z.infer<typeof ImportResult>;

export const ExportQuery = z.strictObject({ format: z.enum(["json", "csv"]).optional() });
