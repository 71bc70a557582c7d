/** Turns "buy milk tomorrow 9am #errands, high priority" into the fields of a new task. */
import { Tag } from "../../../contracts/task.ts";
import { parseQuickAdd, type Span } from "../../../grammar/index.ts";
import type { Clock } from "./clock.ts";
import type { NewTask } from "./intent.ts";

const DESCRIPTION =
  /\s*[,;.]?\s*(?:\b(?:with|and)\s+(?:a\s+|the\s+)?(?:description|note|notes|details)\b|\b(?:description|desc|notes?|details)\s*:)\s*[:\-–]?\s*(.+)$/i;

/**
 * What add_task cannot store yet stays in the title, where the user sees it:
 * nothing today: recurrence goes to add_task's `recurrence`, reminders to its
 * `reminders` ("remind me 30 minutes before" only with a due date). `#List` picks a
 * list and `/Section` a section (Todoist's grammar); `@label` adds a tag.
 */
const UNSAVED = new Set<Span["kind"]>([]);
const unsaved = (s: Span) => UNSAVED.has(s.kind);

export function parseNewTask(body: string, clock: Clock): NewTask {
  let rest = body;
  const task: NewTask = { title: "" };

  const desc = DESCRIPTION.exec(rest);
  if (desc?.[1]) {
    task.description = desc[1].trim().replace(/^["“]|["”]$/g, "");
    rest = rest.slice(0, desc.index);
  }

  // "on tomorrow's list" names a day, not a list.
  rest = rest.replace(/\b(today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)'s\s+(?:list|agenda|schedule|plan|plate)\b/gi, "$1");
  const r = parseQuickAdd(rest, clock, { ignore: unsaved });
  if (r.labels.length) task.tags = [...new Set(r.labels.map((l) => l.toLowerCase()))].filter((l) => Tag.safeParse(l).success);
  if (r.list) task.list = r.list;
  if (r.section) task.section = r.section;
  if (r.priority) task.priority = r.priority;
  if (r.due) task.due_at = r.due.at;
  const reminders = r.reminders.filter((x) => r.due || !("before_minutes" in x));
  if (reminders.length) task.reminders = reminders;
  if (r.recurrence) task.recurrence = r.recurrence;
  task.title = tidyTitle(r.title);
  return task;
}

/** Drops connective leftovers ("to", "due", trailing commas) and capitalises. */
export function tidyTitle(text: string): string {
  let t = text.replace(/\s+/g, " ").trim();
  for (let i = 0; i < 3; i++) {
    t = t
      .replace(/^(?:a\s+|an\s+|new\s+)?(?:task|todo|to-do|reminder|item)\b\s*(?:called|named|titled|to|for)?\s*[:\-–]?\s*/i, "")
      .replace(/^(?:to|that|about|called|named|titled|me to|remember to|not forget to)\s+/i, "")
      .replace(/^[\s:,;\-–]+|[\s:,;\-–.]+$/g, "")
      .replace(/\s+(?:to|on|in)\s+(?:my|the)\s+(?:list|tasks|todo list|to-do list|todos)$/i, "")
      .replace(/\s+(?:and|with|due|by|on|at|,)$/i, "")
      .replace(/^["“'](.*)["”']$/, "$1")
      .trim();
  }
  return t.charAt(0).toUpperCase() + t.slice(1);
}
