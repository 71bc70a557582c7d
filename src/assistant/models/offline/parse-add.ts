/** Turns "buy milk tomorrow 9am #errands, high priority" into the fields of a new task. */
import type { Clock } from "./clock.ts";
import { findDate } from "./dates.ts";
import type { NewTask } from "./intent.ts";
import { PRIORITY_WORDS, tagList } from "./parse-target.ts";

/** Cuts `re`'s first match out of `text`, returning the match and the rest. */
function cut(text: string, re: RegExp): [RegExpExecArray | null, string] {
  const m = re.exec(text);
  if (!m) return [null, text];
  return [m, `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`];
}

const DESCRIPTION =
  /\s*[,;.]?\s*(?:\b(?:with|and)\s+(?:a\s+|the\s+)?(?:description|note|notes|details)\b|\b(?:description|desc|notes?|details)\s*:)\s*[:\-–]?\s*(.+)$/i;
const TAG_WORDS = /\s*[,;]?\s*\b(?:tagged|tags?:?|labell?ed|label)\s+(?:with\s+|as\s+)?((?:#?[\p{L}\p{N}_-]+)(?:\s*(?:,|and|&)\s*#?[\p{L}\p{N}_-]+)*)/iu;
const PRIORITY =
  /\s*[,;]?\s*\b(?:with\s+|as\s+|at\s+)?(?:(?:a\s+)?(high|medium|low|top|normal)[\s-]+priority|priority[:\s]+(high|medium|low)|(urgent|important|critical|asap))\b/i;
const DATE_CONNECTOR = /\s*[,;]?\s*\b(?:due(?:\s+(?:on|by|at))?|by|on|at|for|before|until|till|deadline|no later than)\s*$/i;

export function parseNewTask(body: string, clock: Clock): NewTask {
  let rest = ` ${body} `;
  const task: NewTask = { title: "" };

  const [desc, afterDesc] = cut(rest, DESCRIPTION);
  if (desc?.[1]) {
    task.description = desc[1].trim().replace(/^["“]|["”]$/g, "");
    rest = afterDesc;
  }

  const tags: string[] = [];
  for (const m of rest.matchAll(/(?:^|\s)#([\p{L}\p{N}_-]+)/gu)) if (m[1]) tags.push(m[1].toLowerCase());
  rest = rest.replace(/(?:^|\s)#[\p{L}\p{N}_-]+/gu, " ");
  const [tagWords, afterTags] = cut(rest, TAG_WORDS);
  if (tagWords?.[1]) {
    tags.push(...tagList(tagWords[1]));
    rest = afterTags;
  }
  if (tags.length) task.tags = [...new Set(tags)];

  // "!high" is the web quick-add's shorthand; people type it here too.
  const [bang, afterBang] = cut(rest, /(?:^|\s)!(high|medium|low|urgent|important)\b/i);
  const [prio, afterPrio] = bang ? [bang, afterBang] : cut(rest, PRIORITY);
  const word = prio ? (prio[1] ?? prio[2] ?? prio[3]) : undefined;
  if (word) {
    task.priority = PRIORITY_WORDS[word.toLowerCase()] ?? "high";
    rest = afterPrio;
  }

  const date = findDate(rest, clock);
  if (date) {
    const before = rest.slice(0, date.index).replace(DATE_CONNECTOR, "");
    rest = `${before} ${rest.slice(date.index + date.text.length)}`;
    task.due_at = date.iso;
  }

  task.title = tidyTitle(rest);
  return task;
}

/** Drops connective leftovers ("to", "due", trailing commas) and capitalises. */
export function tidyTitle(text: string): string {
  let t = text.replace(/\s+/g, " ").trim();
  for (let i = 0; i < 3; i++) {
    t = t
      .replace(/^(?:a\s+|an\s+|new\s+)?(?:task|todo|to-do|reminder|item)\b\s*(?:called|named|titled|to|for)?\s*[:\-–]?\s*/i, "")
      .replace(/^(?:to|that|about|called|named|titled|me to)\s+/i, "")
      .replace(/^[\s:,;\-–]+|[\s:,;\-–.]+$/g, "")
      .replace(/\s+(?:to|on|in)\s+(?:my|the)\s+(?:list|tasks|todo list|to-do list|todos)$/i, "")
      .replace(/\s+(?:and|with|due|by|on|at|,)$/i, "")
      .replace(/^["“'](.*)["”']$/, "$1")
      .trim();
  }
  return t.charAt(0).toUpperCase() + t.slice(1);
}
