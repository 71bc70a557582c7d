/**
 * The web side of the shared quick-add grammar (src/grammar, decision 009):
 * which understood phrases the task API can store, the chips shown under the
 * box, and the TaskCreate that Enter sends.
 *
 * Only what will be saved gets a chip. `#List` picks one of the user's lists
 * (case-insensitive); an unknown name is only *offered* for creation (a chip
 * with a Create button) and stays in the title until the user accepts. `/Section`
 * picks a section of that list (or of the list page's list); an unknown one
 * stays in the title. Reminders are saved ("remind me 30 minutes before" only
 * with a due date to count from). Recurrence is saved as the rule the chip shows;
 * without a typed date the server makes the first occurrence the due date.
 */
import type { Priority, TaskCreate } from "#contracts/task.ts";
import { parseQuickAdd, type GrammarContext, type QuickAdd, type Span } from "#grammar/index.ts";
import { describeDue } from "./task-dates.ts";

export type ChipKind = "due" | "recurrence" | "list" | "new-list" | "section" | "label" | "priority" | "reminder";

export interface Chip {
  kind: ChipKind;
  /** What the chip shows: "Tomorrow 09:00", "#Errands", "High priority". */
  text: string;
  /** The words of the input it came from; removing the chip puts them back into the title. */
  words: string;
  /** Keys to add to `dismissed` when the chip is removed. */
  keys: string[];
  /** A longer explanation for the tooltip. */
  hint: string;
  /** For "new-list": the name to create. */
  name?: string;
}

export interface QuickAddPreview {
  /** null while there is no title left to save. */
  create: TaskCreate | null;
  title: string;
  chips: Chip[];
  parsed: QuickAdd;
  /** The list the task goes to (a `#List`, else the page's list); null: the Inbox. */
  listId: number | null;
}

interface NamedList {
  id: number;
  name: string;
  archived?: boolean;
}
interface NamedSection {
  id: number;
  name: string;
  list_id: number;
}

export interface QuickAddTargets {
  lists?: readonly NamedList[];
  /** The list page's list: where a task without `#List` goes. */
  defaultListId?: number | null;
  /** Sections of the target list (others are ignored). */
  sections?: readonly NamedSection[];
}

const NOT_SAVED_YET = new Set<Span["kind"]>([]);
const PRIORITY_TEXT: Record<Priority, string> = { high: "High priority", medium: "Medium priority", low: "Low priority", none: "No priority" };

/** Identifies a phrase across keystrokes, so a removed chip stays removed while the user types on. */
export const spanKey = (s: Pick<Span, "kind" | "text">) => `${s.kind}:${s.text.toLowerCase().replace(/\s+/g, " ")}`;

const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;

export function previewQuickAdd(text: string, ctx: GrammarContext, dismissed: ReadonlySet<string> = new Set(), targets: QuickAddTargets = {}): QuickAddPreview {
  const lists = (targets.lists ?? []).filter((l) => !l.archived);
  const findList = (name: string) => lists.find((l) => same(l.name, name)) ?? null;
  // Which list the task lands in decides which sections count; a first pass finds it.
  const first = parseQuickAdd(text, { ...ctx, lists: lists.map((l) => l.name) }, { ignore: (s) => dismissed.has(spanKey(s)) || (s.kind === "list" && !findList(s.value)) });
  const listId = (first.list ? findList(first.list)?.id : undefined) ?? targets.defaultListId ?? null;
  const sections = (targets.sections ?? []).filter((s) => s.list_id === listId);
  const findSection = (name: string) => sections.find((s) => same(s.name, name)) ?? null;

  let offer: Span | null = null;
  const parse = (extra: ReadonlySet<string>) =>
    parseQuickAdd(
      text,
      { ...ctx, lists: lists.map((l) => l.name), sections: sections.map((s) => s.name) },
      {
        ignore: (s) => {
          if (NOT_SAVED_YET.has(s.kind) || dismissed.has(spanKey(s)) || extra.has(spanKey(s))) return true;
          if (s.kind === "list" && !findList(s.value)) {
            offer ??= s;
            return true;
          }
          return s.kind === "section" && !findSection(s.value);
        },
      },
    );
  let parsed = parse(new Set());
  // "remind me 30 minutes before" needs a due date to count from: without one its words stay in the title.
  if (!parsed.due) {
    const relative = parsed.spans.filter((s) => s.kind === "reminder" && "before_minutes" in s.value).map(spanKey);
    if (relative.length) parsed = parse(new Set(relative));
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
      chips.push({ kind: "list", text: `#${findList(s.value)!.name}`, words: s.text, keys: [spanKey(s)], hint: "List" });
    } else if (s.kind === "section") {
      chips.push({ kind: "section", text: `/${findSection(s.value)!.name}`, words: s.text, keys: [spanKey(s)], hint: "Section" });
    } else if (s.kind === "label") {
      chips.push({ kind: "label", text: s.value.map((l) => `@${l}`).join(" "), words: s.text, keys: [spanKey(s)], hint: "Label (saved as a tag)" });
    } else if (s.kind === "priority" && s.value === parsed.priority) {
      chips.push({ kind: "priority", text: PRIORITY_TEXT[s.value], words: s.text, keys: [spanKey(s)], hint: "Priority" });
    }
  }
  const repeatSpans = parsed.spans.filter((s) => s.kind === "recurrence");
  if (parsed.recurrence && repeatSpans.length) {
    chips.push({ kind: "recurrence", text: `Repeats ${parsed.recurrence.text}`, words: repeatSpans.map((s) => s.text).join(" … "), keys: repeatSpans.map(spanKey), hint: "Repeats" });
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
  const newList = offer as Span | null;
  if (newList?.kind === "list") {
    chips.push({ kind: "new-list", text: `Create list “${newList.value}”?`, words: newList.text, keys: [spanKey(newList)], hint: "No list has this name yet", name: newList.value });
  }
  const list = parsed.list ? findList(parsed.list) : null;
  const section = parsed.section ? findSection(parsed.section) : null;
  const create: TaskCreate | null = parsed.title
    ? {
        title: parsed.title,
        ...(parsed.labels.length ? { tags: parsed.labels } : {}),
        ...(parsed.priority ? { priority: parsed.priority } : {}),
        ...(parsed.due ? { due_at: parsed.due.at } : {}),
        ...(parsed.recurrence ? { recurrence: { rule: parsed.recurrence.rule, text: parsed.recurrence.text, from: parsed.recurrence.from } } : {}),
        ...((list?.id ?? targets.defaultListId) ? { list_id: list?.id ?? targets.defaultListId! } : {}),
        ...(section ? { section_id: section.id } : {}),
        ...(reminders.length ? { reminders: reminders.map((r) => ("at" in r ? { at: r.at } : { before_minutes: r.before_minutes })) } : {}),
      }
    : null;
  return { create, title: parsed.title, chips, parsed, listId: list?.id ?? targets.defaultListId ?? null };
}

/** "30 min", "2 h", "1 day" (for the chip). */
export function beforeText(minutes: number): string {
  if (minutes % 1440 === 0 && minutes > 0) return `${minutes / 1440} day${minutes === 1440 ? "" : "s"}`;
  if (minutes % 60 === 0 && minutes > 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}
