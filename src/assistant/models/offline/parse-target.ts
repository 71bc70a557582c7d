/** Reads task references ("task 3", "the first one", "it", "the milk task") and list filters. */
import { parseQuickAdd, PRIORITY_WORDS } from "../../../grammar/index.ts";
import type { Clock } from "./clock.ts";
import { dayRange, findDate, sinceStart, weekRange } from "./dates.ts";
import { daysBetween, wallAt } from "../../../domain/time.ts";
import type { Filter, Target } from "./intent.ts";
import { stemQuery } from "./stem.ts";
import type { Priority } from "../../../contracts/task.ts";

const ORDINALS: Record<string, number> = {
  first: 0, "1st": 0, second: 1, "2nd": 1, third: 2, "3rd": 2, fourth: 3, "4th": 3,
  fifth: 4, "5th": 4, sixth: 5, "6th": 5, seventh: 6, eighth: 7, ninth: 8, tenth: 9,
  last: -1, latter: -1, former: 0, "last one": -1,
};
const ORDINAL_WORDS = Object.keys(ORDINALS).join("|");

const PRONOUN = /^(?:it|that|this|that one|this one|that task|this task|the task|the one|same one|the same one|the same task)$/;
const LISTED = /^(?:both(?: of them)?|all of them|all of those|all of these|all those|all these|them|them all|those|these|those tasks|these tasks|all \w+ of them|everything (?:above|listed|you listed|you showed))$/;
const NUMBER_REF = /(?:\b(?:tasks?|numbers?|nos?\.?|items?|todos?)\s*#?\s*|#)(\d+)\b/g;
/** Words that describe a task without naming it: dropped before searching titles. */
const FILLER =
  /\b(?:the|my|a|an|task|tasks|todo|to-do|item|one|called|named|titled|about|for|thing|entry|reminder|please|all|of|that|which|is|says|said)\b/g;

export function cleanPhrase(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[“”"'‘’`]/g, (c) => (c === "'" || c === "’" ? "'" : ""))
    .replace(/[.!?,;:]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A reference to one or more tasks, or null when the phrase names nothing. */
export function parseTarget(phrase: string): Target | null {
  const p = cleanPhrase(phrase).replace(/^(?:on|with|for)\s+/, "");
  if (!p) return null;
  const ids = [...p.matchAll(NUMBER_REF)].map((m) => Number(m[1]));
  const bare = /^(\d+)(?:\s*(?:,|and|&)\s*(\d+))*$/.test(p) ? [...p.matchAll(/\d+/g)].map((m) => Number(m[0])) : [];
  if (ids.length || bare.length) {
    // "tasks 2 and 3" has one "task" word but two numbers.
    const all = /^(?:tasks?\s*|#)?\d+(?:\s*(?:,|and|&)\s*#?\d+)+$/.test(p) ? [...p.matchAll(/\d+/g)].map((m) => Number(m[0])) : ids.length ? ids : bare;
    return { kind: "ids", ids: [...new Set(all)] };
  }
  if (PRONOUN.test(p)) return { kind: "pronoun" };
  if (LISTED.test(p)) return { kind: "listed" };
  const ord = new RegExp(`^(?:the\\s+)?(${ORDINAL_WORDS})(?:\\s+(?:one|task|item|todo)|\\s+on the list)?$`).exec(p);
  if (ord?.[1] !== undefined) return { kind: "ordinal", index: ORDINALS[ord[1]] ?? 0 };
  const query = stemQuery(p.replace(/['’]s\b/g, "").replace(FILLER, " ").replace(/\s+/g, " ").trim());
  return query ? { kind: "query", query } : { kind: "pronoun" };
}

/** "first one", "3", "both": a message that is only a reference. */
export function parseBareReference(text: string): Target | null {
  const p = cleanPhrase(text).replace(/^(?:i meant?|i mean|make it|the one that'?s?|just|only|ok|okay)\s+/, "").replace(/\s+please$/, "");
  if (/^(?:(?:task|number|no\.?|#)\s*#?)?\d+(?:\s*(?:,|and|&)\s*#?\d+)*$/.test(p)) return parseTarget(p);
  if (new RegExp(`^(?:the\\s+)?(?:${ORDINAL_WORDS})(?:\\s+(?:one|task|item))?$`).test(p)) return parseTarget(p);
  if (/^(?:both(?: of them)?|all of them|all|them all|the first two|both please)$/.test(p)) return { kind: "listed" };
  return null;
}

/**
 * The priority a filter names: the grammar's ("high priority", "p1", "!high",
 * "what's urgent?"), or an urgency adjective before "tasks" ("my urgent tasks").
 */
export function priorityIn(text: string, clock: Clock): Priority | undefined {
  const said = parseQuickAdd(text, clock).priority;
  if (said) return said;
  const m = /\b(urgent|important|critical)\b/i.exec(text);
  return m?.[1] ? PRIORITY_WORDS[m[1].toLowerCase()] : undefined;
}

/**
 * The tag a filter names: `#errands`, `@errands` or "tagged errands" as the
 * grammar reads them (a `#list` counts as a tag until lists exist), else
 * "tag errands", "in errands", "under errands".
 */
export function tagIn(text: string, clock: Clock): string | undefined {
  const r = parseQuickAdd(text, clock);
  const said = r.list?.toLowerCase() ?? r.labels[0];
  if (said) return said;
  const word = /\b(?:tag|label|in|under)\s+(?:as\s+|with\s+)?#?([\p{L}\p{N}_-]+)(?=\s|$)/iu.exec(text);
  const tag = word?.[1]?.toLowerCase();
  // "in" and "under" only count when followed by a real-looking tag word, not "in 2 days".
  return tag && !/^\d/.test(tag) && !["the", "a", "my", "progress", "total"].includes(tag) ? tag : undefined;
}

/** Words that may stand before "tasks" without being a tag ("my open tasks", "today's tasks"). */
const NOT_TAGS = new Set([
  "my", "all", "the", "these", "those", "open", "pending", "completed", "finished", "done", "overdue", "late", "high", "medium",
  "low", "priority", "urgent", "important", "remaining", "other", "any", "many", "new", "old", "current", "active", "upcoming",
  "today's", "tomorrow's", "week's", "unfinished", "incomplete", "outstanding", "your", "our", "every", "some", "recent", "first", "last",
  // verbs of asking: "show tasks due this week", "list todos"
  "show", "list", "see", "view", "display", "find", "get", "give", "what", "which", "are", "any", "me",
]);

/** "show my work tasks" → "work": a single unknown word right before "tasks" reads as a tag. */
function tagBeforeTasks(t: string): string | undefined {
  const m = /\b([\p{L}\p{N}_-]+)\s+(?:tasks|todos|items)\b/u.exec(t);
  const word = m?.[1];
  return word && !NOT_TAGS.has(word) && !/^\d/.test(word) && !PRIORITY_WORDS[word] ? word : undefined;
}

/** The filter a listing or bulk request describes ("overdue", "#errands", "due this week", "completed"). */
/** "what did I add today?", "what did I finish this week?": when tasks were created or done, not due. */
function pastFilter(t: string, clock: Clock): Filter | null {
  const when = /\b(today|yesterday|this week|last week)\b/.exec(t)?.[1] as Parameters<typeof sinceStart>[1] | undefined;
  if (!when) return null;
  if (/\b(?:did i|have i|i(?:'ve| have)?)\s+(?:add|added|create|created|make|made|enter|entered|put)\b|\b(?:added|created)\s+(?:today|yesterday|this week|last week)\b/.test(t)) {
    return { status: "all", created_after: sinceStart(clock, when) };
  }
  if (/\b(?:did i|have i|i(?:'ve| have)?)\s+(?:finish|finished|complete|completed|do|done|did|get done|tick off|check off)\b|\b(?:finished|completed|done)\s+(?:today|yesterday|this week|last week)\b/.test(t)) {
    return { status: "completed", completed_after: sinceStart(clock, when) };
  }
  return null;
}

export function parseFilter(text: string, clock: Clock): Filter {
  const t = cleanPhrase(text);
  const past = pastFilter(t, clock);
  if (past) return past;
  const f: Filter = {};
  if (/\b(?:overdue|past due|late|missed)\b/.test(t)) f.overdue = true;
  if (/\b(?:completed|finished|done|closed|checked off|ticked off|i finished|i completed|i did|did i (?:complete|finish|do))\b/.test(t) && !/\bnot (?:done|completed|finished)\b/.test(t)) f.status = "completed";
  else if (/\b(?:pending|open|unfinished|incomplete|not done|not completed|outstanding|remaining|left|to ?do|active|undone)\b/.test(t) || f.overdue) f.status = "pending";
  const priority = priorityIn(t, clock);
  if (priority) f.priority = priority;
  const tag = tagIn(t, clock) ?? tagBeforeTasks(t);
  if (tag) f.tag = tag;
  const range =
    /\b(?:today|tonight)\b/.test(t) ? dayRange(clock, 0, 1)
    : /\btomorrow\b/.test(t) ? dayRange(clock, 1, 2)
    : /\bnext week\b/.test(t) ? weekRange(clock, "next")
    : /\b(?:this week|the week|coming week|upcoming)\b/.test(t) ? weekRange(clock, "this")
    : undefined;
  if (range) {
    Object.assign(f, range);
    f.status ??= "pending";
  } else {
    const before = /\b(?:due )?(?:before|by|until)\s+(.+)$/.exec(t);
    const date = before?.[1] ? findDate(before[1], clock) : null;
    // "due friday", "due on Dec 1": that whole local day.
    const on = date ? null : /\bdue\s+(?:on\s+)?(.+)$/.exec(t);
    const day = on?.[1] ? findDate(on[1], clock) : null;
    if (date) {
      f.due_before = date.iso;
      f.status ??= "pending";
    } else if (day) {
      const offset = daysBetween(wallAt(clock.now, clock.timeZone), wallAt(new Date(day.iso), clock.timeZone));
      Object.assign(f, dayRange(clock, offset, offset + 1));
      f.status ??= "pending";
    }
  }
  const q = /\b(?:about|matching|containing|mentioning|called|named|titled|with the words?|with)\s+["']?(.+?)["']?$/.exec(t);
  if (q?.[1] && !/^(?:tag|priority|high|medium|low|a due date|due)/.test(q[1]) && !f.tag) f.query = q[1];
  return f;
}

/** A noun phrase for replies: "overdue tasks", "pending tasks due today", "tasks tagged #work". */
export function filterLabel(f: Filter, text: string): string {
  const words: string[] = [];
  if (f.overdue) words.push("overdue");
  else if (f.status === "completed") words.push("completed");
  else if (f.status === "pending" && !f.due_after && !f.due_before) words.push("pending");
  if (f.priority) words.push(`${f.priority}-priority`);
  words.push("tasks");
  if (f.tag) words.push(`tagged #${f.tag}`);
  const when = /\b(today|tonight|tomorrow|this week|next week|yesterday|last week)\b/.exec(text)?.[1];
  if (f.created_after || f.completed_after) return `tasks ${f.created_after ? "added" : "completed"} ${when ?? "since then"}`;
  const asked = text.trim().replace(/[?.!]+$/, "");
  const on = /\bdue\s+(?:on\s+)?(.+)$/i.exec(asked)?.[1];
  const until = /\b(?:before|by|until)\s+(.+)$/i.exec(asked)?.[1];
  if (when) words.push(`due ${when === "tonight" ? "today" : when}`);
  else if (f.due_before && until) words.push(`due before ${until}`);
  else if (f.due_after && f.due_before && on) words.push(`due ${/^\d/.test(on) ? "on " : ""}${on}`);
  else if (f.due_before) words.push("due before then");
  if (f.query) words.push(`matching “${f.query}”`);
  return words.join(" ");
}
