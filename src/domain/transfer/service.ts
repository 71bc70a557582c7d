/** Import: read a file into a draft (pure), then preview it or write it. */
import type { ImportFormat, ImportResult, ImportSummary } from "../../contracts/transfer.ts";
import type { Db } from "../../db/client.ts";
import type { GrammarContext } from "../../grammar/index.ts";
import type { RowLimits } from "../quotas.ts";
import { applyImport, checkSize, listNames } from "./apply.ts";
import type { Draft } from "./draft.ts";
import { readTicklerJson } from "./read-tickler-json.ts";
import { readTicktickCsv } from "./read-ticktick-csv.ts";
import { readTodoistCsv } from "./read-todoist-csv.ts";
import { readTodoistJson } from "./read-todoist-json.ts";
import { summarize } from "./summary.ts";

export interface ImportInput {
  format: ImportFormat;
  text: string;
  /** "now" and the user's zone, for the plain-words dates some formats carry. */
  ctx: GrammarContext;
  /** The list a Todoist CSV goes to (it does not name its project); default the Inbox. */
  list?: string | undefined;
}

export function readImport({ format, text, ctx, list }: ImportInput): Draft {
  switch (format) {
    case "tickler-json":
      return readTicklerJson(text);
    case "todoist-json":
      return readTodoistJson(text, ctx);
    case "todoist-csv":
      return readTodoistCsv(text, ctx, list ?? null);
    case "ticktick-csv":
      return readTicktickCsv(text, ctx);
  }
}

export async function previewImport(db: Db, userId: string, input: ImportInput): Promise<ImportSummary> {
  const draft = readImport(input);
  checkSize(draft);
  return summarize(input.format, draft, await listNames(db, userId));
}

export async function runImport(db: Db, userId: string, input: ImportInput, limits: Pick<RowLimits, "tasks">): Promise<ImportResult> {
  const draft = readImport(input);
  const names = await listNames(db, userId);
  await applyImport(db, userId, draft, limits);
  return { ...summarize(input.format, draft, names), imported: true };
}
