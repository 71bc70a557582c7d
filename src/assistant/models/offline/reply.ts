/** The sentences the offline assistant says. Only task numbers are ever shown as ids. */
import type { TaskSummary } from "../../../contracts/tool-results.ts";
import type { Clock } from "./clock.ts";
import { describeDate } from "./dates.ts";
import type { ToolStep } from "./prompt.ts";

export const HELP = [
  "I'm Tickler's built-in assistant. I understand short requests like:",
  "- “add buy milk tomorrow 9am #errands”, “remind me to call mom on Friday”",
  "- “what's overdue?”, “what do I have this week?”, “show completed tasks”",
  "- “mark task 3 done”, “I finished the report”, “reopen task 2”",
  "- “push the report to Friday”, “rename task 2 to Call dad”, “set priority of task 3 to high”",
  "- “delete task 3”, “delete everything I finished”",
].join("\n");

const quote = (s: string) => `\u201c${s}\u201d`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
export const named = (t: { id: number; title?: string }) => (t.title ? `${quote(t.title)} (task ${t.id})` : `task ${t.id}`);

export function andList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function details(t: TaskSummary, clock: Clock): string[] {
  const d: string[] = [];
  if (t.status === "completed") d.push("done");
  if (t.due_at) d.push(`due ${describeDate(t.due_at, clock)}`);
  if (t.recurrence) d.push(`repeating ${t.recurrence.text}`);
  if (t.priority !== "none") d.push(`${t.priority} priority`);
  if (t.tags.length) d.push(t.tags.map((tag) => `#${tag}`).join(" "));
  return d;
}

export function taskLine(t: TaskSummary, clock: Clock): string {
  const d = details(t, clock);
  return `- ${named(t)}${d.length ? ` \u2014 ${d.join(", ")}` : ""}`;
}

export function listReply(tasks: TaskSummary[], total: number, label: string, clock: Clock): string {
  if (!tasks.length) return `You have no ${label}.`;
  const head = total > tasks.length ? `Here are ${tasks.length} of your ${total} ${label}:` : `You have ${total === 1 ? `1 ${label.replace(/\btasks\b/, "task")}` : `${total} ${label}`}:`;
  return [head, ...tasks.map((t) => taskLine(t, clock))].join("\n");
}

export function askWhich(query: string, tasks: TaskSummary[], clock: Clock): string {
  return [`I found ${tasks.length} tasks matching ${quote(query)}:`, ...tasks.map((t) => taskLine(t, clock)), "Which one do you mean?"].join("\n");
}

/** Words of a request that did not parse → the example requests closest to it. */
const NEAR: [RegExp, string][] = [
  [/\b(?:add|create|new|remind|need|remember|todo|put|make)\b/i, "“add buy milk tomorrow 9am”"],
  [/\b(?:show|list|what|which|due|today|tomorrow|week|overdue|pending|find|search)\b/i, "“what's due today?”"],
  [/\b(?:done|complete|finish|finished|mark|check|tick|cross)\b/i, "“mark task 3 done”"],
  [/\b(?:move|push|postpone|reschedule|delay|date|time|friday|monday)\b/i, "“push task 3 to Friday”"],
  [/\b(?:rename|retitle|title|name|change|edit|priority|tag)\b/i, "“rename task 2 to Call dad”"],
  [/\b(?:delete|remove|drop|erase|trash|cancel)\b/i, "“delete task 3”"],
];

/** Latin letters with accents, inverted marks or non-Latin scripts: most likely not English. */
const FOREIGN =
  /[¿¡ñãõçßœæøåäöüáéíóúàèìòùâêîôûë]|[\p{Script=Arabic}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Devanagari}\p{Script=Greek}\p{Script=Hebrew}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]|\b(?:hola|gracias|por favor|bonjour|merci|s'il vous plaît|hallo|danke|bitte|ciao|grazie|obrigad[oa]|tengo|quiero|necesito|tarea|tareas|aufgabe|tâche)\b/iu;

/** The example requests closest to words that did not parse (the web shows them as buttons too). */
export function closestActions(text: string): string[] {
  if (FOREIGN.test(text)) return ["add buy milk tomorrow", "what's due today?"];
  const near = NEAR.filter(([re]) => re.test(text)).map(([, example]) => example);
  return (near.length ? near : NEAR.slice(0, 3).map(([, e]) => e)).slice(0, 3).map((e) => e.slice(1, -1));
}

export function notUnderstood(text: string): string {
  if (FOREIGN.test(text)) {
    return "Sorry, the built-in assistant only understands English and answers in English. Try “add buy milk tomorrow” or “what's due today?”.";
  }
  const examples = closestActions(text).map(quote);
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `I didn't understand ${quote(shown)}. I understand requests like ${examples.length > 1 ? `${examples.slice(0, -1).join(", ")} or ${examples.at(-1)}` : examples[0]}; say “help” for more.`;
}

export function errorReply(error: unknown, input: Record<string, unknown> = {}): string {
  const code = error && typeof error === "object" && "code" in error ? String(error.code) : "";
  // Name the task the user asked for: "task not found" alone does not say which.
  if (code === "not_found" && typeof input.id === "number") return `Sorry, task ${input.id} was not found.`;
  const message = error && typeof error === "object" && "message" in error ? String(error.message) : "something went wrong";
  return `Sorry, that didn't work: ${message.replace(/[.\s]+$/, "")}.`;
}

type Result = {
  task?: TaskSummary;
  changed?: string[];
  tasks?: TaskSummary[];
  total?: number;
  updated?: TaskSummary[];
  deleted?: { id: number; title: string }[];
  preview?: boolean;
  would_delete?: { id: number; title: string }[];
  would_update?: { id: number; title: string }[];
  previous?: { id: number }[];
  list?: { name: string };
  lists?: { name: string; open: number }[];
  moved?: TaskSummary[];
  error?: unknown;
};

/** "30 minutes before it's due", "1 hour before it's due", "tomorrow at 8:00 AM". */
function reminderWhen(r: unknown, clock: Clock): string {
  if (r && typeof r === "object" && "at" in r && typeof r.at === "string") return describeDate(new Date(r.at).toISOString(), clock);
  const minutes = r && typeof r === "object" && "before_minutes" in r ? Number(r.before_minutes) : NaN;
  if (!Number.isFinite(minutes)) return "";
  const [n, unit] = minutes % 10080 === 0 && minutes ? [minutes / 10080, "week"] : minutes % 1440 === 0 && minutes ? [minutes / 1440, "day"] : minutes % 60 === 0 && minutes ? [minutes / 60, "hour"] : [minutes, "minute"];
  return `${plural(n, unit)} before it's due`;
}

/** The reminders a call sent, in words ("30 minutes before it's due and tomorrow at 8:00 AM"). */
export const remindersText = (list: unknown, clock: Clock) => (Array.isArray(list) ? andList(list.map((r) => reminderWhen(r, clock)).filter(Boolean)) : "");

function updateSentence(task: TaskSummary, input: Record<string, unknown>, clock: Clock): string {
  const tags = (list: unknown) => (Array.isArray(list) ? list.map((t) => `#${String(t)}`).join(" ") : "");
  const changes: [string, string][] = [];
  if (typeof input.title === "string") changes.push(["title", `renamed to ${quote(task.title)}`]);
  if ("due_at" in input) changes.push(["due", task.due_at ? `due ${describeDate(task.due_at, clock)}` : "no due date"]);
  if ("priority" in input) changes.push(["priority", task.priority === "none" ? "no priority" : `${task.priority} priority`]);
  if (Array.isArray(input.add_tags)) changes.push(["add_tags", `tagged ${tags(input.add_tags)}`]);
  if (Array.isArray(input.remove_tags)) changes.push(["remove_tags", `${tags(input.remove_tags)} removed`]);
  if ("tags" in input) changes.push(["tags", task.tags.length ? `tags set to ${tags(task.tags)}` : "all tags removed"]);
  if ("description" in input) changes.push(["description", input.description === null ? "description cleared" : "description updated"]);
  if ("recurrence" in input) changes.push(["recurrence", task.recurrence ? `repeating ${task.recurrence.text}` : "no longer repeating"]);
  const reminders = remindersText(input.reminders, clock);
  if ("reminders" in input) changes.push(["reminders", reminders ? `reminding you ${reminders}` : "reminders removed"]);
  const only = changes.length === 1 ? changes[0]![0] : undefined;
  // One change reads best as a verb sentence; several as a summary.
  if (only === "title") return `Renamed task ${task.id} to ${quote(task.title)}.`;
  if (only === "due") return task.due_at ? `Moved ${named(task)} to ${describeDate(task.due_at, clock)}.` : `Removed the due date from ${named(task)}.`;
  if (only === "priority") return `Set ${named(task)} to ${changes[0]![1]}.`;
  if (only === "add_tags") return `Tagged ${named(task)} with ${tags(input.add_tags)}.`;
  if (only === "description") return input.description === null ? `Cleared the description of ${named(task)}.` : `Updated the description of ${named(task)}.`;
  const due = task.due_at ? `, due ${describeDate(task.due_at, clock)}` : "";
  if (only === "recurrence") return task.recurrence ? `Set ${named(task)} to repeat ${task.recurrence.text}${due}.` : `Removed the repeat from ${named(task)}${task.due_at ? `; it stays due ${describeDate(task.due_at, clock)}` : ""}.`;
  // Writing reminders replaces the task's set: say what it is now.
  if (only === "reminders") return reminders ? `Set ${named(task)} to remind you ${reminders}.` : `Removed the reminders from ${named(task)}.`;
  return `Updated ${named(task)}: ${andList(changes.map((c) => c[1])) || "no changes"}.`;
}

function unchangedSentence(task: TaskSummary, input: Record<string, unknown>, clock: Clock): string {
  const fields = Object.keys(input).filter((k) => k !== "id");
  if (fields.length === 1 && fields[0] === "due_at") {
    return task.due_at ? `${named(task)} is already due ${describeDate(task.due_at, clock)}; nothing changed.` : `${named(task)} has no due date, so there was nothing to remove.`;
  }
  if (fields.length === 1 && fields[0] === "priority") return `${named(task)} already has ${task.priority === "none" ? "no" : task.priority} priority; nothing changed.`;
  if (fields.length === 1 && fields[0] === "title") return `${named(task)} is already called that; nothing changed.`;
  if (fields.length === 1 && fields[0] === "recurrence") {
    return task.recurrence ? `${named(task)} already repeats ${task.recurrence.text}; nothing changed.` : `${named(task)} doesn't repeat, so there was nothing to stop.`;
  }
  if (fields.length === 1 && fields[0] === "reminders") {
    return input.reminders === null || (Array.isArray(input.reminders) && !input.reminders.length) ? `${named(task)} has no reminders, so there was nothing to remove.` : `${named(task)} already has that reminder; nothing changed.`;
  }
  return `${named(task)} already looks like that; nothing changed.`;
}

/** What update_tasks would do or did, in words: "move … to Sun, Nov 29", "set … to high priority". */
function bulkChange(input: Record<string, unknown>, clock: Clock): { verb: string; after: string } {
  const parts: string[] = [];
  if (typeof input.due_at === "string") {
    const when = describeDate(new Date(input.due_at).toISOString(), clock);
    parts.push(`to ${input.keep_time ? when.replace(/ at .*$/, "") : when}`);
  }
  if (input.due_at === null) parts.push("off their due dates");
  if (typeof input.priority === "string") parts.push(input.priority === "none" ? "to no priority" : `to ${input.priority} priority`);
  if (typeof input.list === "string" || typeof input.list === "number") parts.push(`to the list ${input.list}`);
  if (Array.isArray(input.add_tags)) parts.push(`tagged ${input.add_tags.map((t) => `#${String(t)}`).join(" ")}`);
  if (Array.isArray(input.remove_tags)) parts.push(`without ${input.remove_tags.map((t) => `#${String(t)}`).join(" ")}`);
  const only = Object.keys(input).filter((k) => ["due_at", "priority", "list", "add_tags", "remove_tags"].includes(k));
  const verb = only.length === 1 && only[0] === "priority" ? "Set" : only.every((k) => k === "due_at" || k === "list") ? "Move" : "Change";
  return { verb, after: andList(parts) };
}

/** update_tasks: the preview asks; the confirmed call counts only the tasks that really changed. */
function bulkUpdateReply(r: Result, input: Record<string, unknown>, clock: Clock, label: string): string {
  const { verb, after } = bulkChange(input, clock);
  if (r.preview) {
    const items = r.would_update ?? [];
    if (!items.length) return `You have no ${label}, so nothing changed.`;
    const these = items.length === 1 ? "this task" : `these ${items.length} tasks`;
    return [`${verb} ${these} ${after}?`, ...items.map((t) => `- ${named(t)}`), "Reply \u201cyes\u201d to go ahead or \u201cno\u201d to leave them."].join("\n");
  }
  const before = new Map((r.previous ?? []).map((p) => [p.id, Object.keys(p).length > 1]));
  const changed = (r.updated ?? []).filter((t) => before.get(t.id));
  if (!changed.length) return `Nothing changed: ${(r.updated ?? []).length ? "those tasks already looked like that" : "no task matched any more"}.`;
  const list = changed.length <= 3 ? `: ${andList(changed.map(named))}` : "";
  const past = verb === "Set" ? "Set" : verb === "Move" ? "Moved" : "Changed";
  return `${past} ${plural(changed.length, "task")} ${after}${list}.`;
}

/** One sentence (or a short list) about what a mutating or reading tool just did. */
export function resultReply(step: ToolStep, clock: Clock, label = "tasks"): string {
  const r = (step.output ?? {}) as Result;
  if (r.error) return errorReply(r.error, step.input);
  switch (step.toolName) {
    case "add_task": {
      if (!r.task) break;
      const d = details(r.task, clock).filter((x) => x !== "done");
      const tagText = r.task.tags.length ? `tagged ${r.task.tags.map((t) => `#${t}`).join(" ")}` : "";
      const reminders = remindersText(step.input.reminders, clock);
      const extras = [...d.filter((x) => !x.startsWith("#")), ...(tagText ? [tagText] : []), ...(reminders ? [`reminding you ${reminders}`] : [])];
      const where = typeof step.input.list === "string" ? ` to ${step.input.list}` : typeof step.input.parent === "string" ? ` under ${quote(step.input.parent)}` : "";
      return `Added ${named(r.task)}${where}${extras.map((x) => `, ${x}`).join("")}.`;
    }
    case "get_task": {
      if (!r.task) break;
      const d = details(r.task, clock);
      return `Task ${r.task.id}: ${quote(r.task.title)} \u2014 ${r.task.status}${d.filter((x) => x !== "done").map((x) => `, ${x}`).join("")}.`;
    }
    case "complete_task":
      if (!r.task) break;
      // A recurring task moved on to its next date rather than closing.
      if (r.task.recurrence && r.task.status === "pending" && r.changed?.includes("due_at") && r.task.due_at)
        return `Marked ${named(r.task)} as done; next due ${describeDate(r.task.due_at, clock)}.`;
      return r.task.status === "completed" ? `Marked ${named(r.task)} as done.` : `Reopened ${named(r.task)}; it's pending again.`;
    case "update_task":
      if (!r.task) break;
      // The tool says what changed: nothing means it already was so, and the reply must not claim a move.
      if (Array.isArray(r.changed) && !r.changed.length) return unchangedSentence(r.task, step.input, clock);
      return updateSentence(r.task, step.input, clock);
    case "delete_task":
    case "delete_tasks":
      if (r.preview) {
        const items = r.would_delete ?? [];
        if (!items.length) return "Nothing matches, so there is nothing to delete.";
        return [`Delete ${items.length === 1 ? "this task" : `these ${items.length} tasks`}?`, ...items.map((t) => `- ${named(t)}`), "Reply “yes” to delete or “no” to keep them."].join("\n");
      }
      if (r.deleted) {
        if (!r.deleted.length) return "Nothing was deleted.";
        return r.deleted.length <= 3 ? `Deleted ${andList(r.deleted.map(named))}.` : `Deleted ${plural(r.deleted.length, "task")}.`;
      }
      break;
    case "complete_tasks": {
      const done = step.input.completed !== false;
      const items = r.updated ?? [];
      if (!items.length) return `There were no ${label} to ${done ? "complete" : "reopen"}.`;
      const list = items.length <= 3 ? `: ${andList(items.map(named))}` : "";
      return done ? `Marked ${plural(items.length, "task")} as done${list}.` : `Reopened ${plural(items.length, "task")}${list}.`;
    }
    case "list_tasks":
      return listReply(r.tasks ?? [], r.total ?? r.tasks?.length ?? 0, label, clock);
    case "create_list":
      if (r.list) return `Created the list ${quote(r.list.name)}.`;
      break;
    case "update_list":
      if (r.list) return `Updated the list ${quote(r.list.name)}.`;
      break;
    case "move_tasks":
      if (r.moved && r.list) return `Moved ${andList(r.moved.map(named))} to ${r.list.name}.`;
      break;
    case "update_tasks":
      if (r.preview || r.updated) return bulkUpdateReply(r, step.input, clock, label);
      break;
    case "list_lists":
      if (r.lists) return ["Your lists:", ...r.lists.map((l) => `- ${l.name} (${plural(l.open, "open task")})`)].join("\n");
      break;
  }
  return "Done.";
}
