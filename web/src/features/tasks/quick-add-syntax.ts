/**
 * The web side of the shared quick-add grammar (src/grammar, decision 009):
 * which understood phrases the task API can store today, the chips shown under
 * the box, and the TaskCreate that Enter sends.
 *
 * Only what will be saved gets a chip. Sections and recurrence are still
 * parsed by the grammar, but the create endpoint has no field for them yet, so
 * their words stay in the title, where the user sees them. Reminders are saved. Until lists
 * exist, a `#list` is saved as a tag (what `#word` always meant here).
 */
import { Tag, type Priority, type TaskCreate } from "#contracts/task.ts";
import { parseQuickAdd, type GrammarContext, type QuickAdd, type Span } from "#grammar/index.ts";
import { describeDue } from "./task-dates.ts";

export type ChipKind = "due" | "list" | "label" | "priority" | "reminder";

export interface Chip {
  kind: ChipKind;
  /** What the chip shows: "Tomorrow 09:00", "#errands", "High priority". */
  text: string;
  /** The words of the input it came from; removing the chip puts them back into the title. */
  words: string;
  /** Keys to add to `dismissed` when the chip is removed. */
  keys: string[];
  /** A longer explanation for the tooltip. */
  hint: string;
}

export interface QuickAddPreview {
  /** null while there is no title left to save. */
  create: TaskCreate | null;
  title: string;
  chips: Chip[];
  parsed: QuickAdd;
}

const NOT_SAVED_YET = new Set<Span["kind"]>(["section", "recurrence"]);
const PRIORITY_TEXT: Record<Priority, string> = { high: "High priority", medium: "Medium priority", low: "Low priority", none: "No priority" };

/** Identifies a phrase across keystrokes, so a removed chip stays removed while the user types on. */
export const spanKey = (s: Pick<Span, "kind" | "text">) => `${s.kind}:${s.text.toLowerCase().replace(/\s+/g, " ")}`;

const isTag = (name: string) => Tag.safeParse(name).success;

export function previewQuickAdd(text: string, ctx: GrammarContext, dismissed: ReadonlySet<string> = new Set()): QuickAddPreview {
  const ignore = (extra: ReadonlySet<string>) => (s: Span) =>
    NOT_SAVED_YET.has(s.kind) || (s.kind === "list" && !isTag(s.value)) || dismissed.has(spanKey(s)) || extra.has(spanKey(s));
  let parsed = parseQuickAdd(text, ctx, { ignore: ignore(new Set()) });
  // "remind me 30 minutes before" needs a due date to count from: without one its words stay in the title.
  if (!parsed.due) {
    const relative = parsed.spans.filter((s) => s.kind === "reminder" && "before_minutes" in s.value).map(spanKey);
    if (relative.length) parsed = parseQuickAdd(text, ctx, { ignore: ignore(new Set(relative)) });
  }
  const chips: Chip[] = [];
  const dueSpans = parsed.spans.filter((s) => s.kind === "due");
  if (parsed.due && dueSpans.length) {
    chips.push({
      kind: "due",
      text: describeDue(parsed.due.at, false, ctx.now).label,
      words: dueSpans.map((s) => s.text).join(" … "),
      keys: dueSpans.map(spanKey),
      hint: "Due date",
    });
  }
  for (const s of parsed.spans) {
    if (s.kind === "list") {
      const tag = s.value.toLowerCase();
      chips.push({ kind: "list", text: `#${tag}`, words: s.text, keys: [spanKey(s)], hint: `Saved as the tag #${tag} until lists arrive` });
    } else if (s.kind === "label") {
      chips.push({ kind: "label", text: s.value.map((l) => `#${l}`).join(" "), words: s.text, keys: [spanKey(s)], hint: "Tag" });
    } else if (s.kind === "priority" && s.value === parsed.priority) {
      chips.push({ kind: "priority", text: PRIORITY_TEXT[s.value], words: s.text, keys: [spanKey(s)], hint: "Priority" });
    }
  }
  const { reminders } = parsed;
  parsed.spans
    .filter((s) => s.kind === "reminder")
    .forEach((s, i) => {
      const r = reminders[i];
      if (!r) return;
      const text = "at" in r ? `Remind ${describeDue(r.at, false, ctx.now).label}` : `Remind ${beforeText(r.before_minutes)} before`;
      chips.push({ kind: "reminder", text, words: s.text, keys: [spanKey(s)], hint: "Reminder" });
    });
  const tags = [...new Set([...(parsed.list ? [parsed.list.toLowerCase()] : []), ...parsed.labels])];
  const create: TaskCreate | null = parsed.title
    ? {
        title: parsed.title,
        ...(tags.length ? { tags } : {}),
        ...(parsed.priority ? { priority: parsed.priority } : {}),
        ...(parsed.due ? { due_at: parsed.due.at } : {}),
        ...(reminders.length ? { reminders: reminders.map((r) => ("at" in r ? { at: r.at } : { before_minutes: r.before_minutes })) } : {}),
      }
    : null;
  return { create, title: parsed.title, chips, parsed };
}

/** "30 min", "2 h", "1 day" (for the chip). */
export function beforeText(minutes: number): string {
  if (minutes % 1440 === 0 && minutes > 0) return `${minutes / 1440} day${minutes === 1440 ? "" : "s"}`;
  if (minutes % 60 === 0 && minutes > 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}
