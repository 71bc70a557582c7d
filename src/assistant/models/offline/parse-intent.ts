/**
 * English → Intent. Rules are tried from the most specific (renames, tag edits,
 * bulk actions) to the most general (add, list), because many phrasings share
 * verbs: "remove the due date from task 5" is an update, "remove task 5" a delete.
 */
import { labelList, parseDuration, parseRecurrence, parseReminder, PRIORITY_WORDS, type Reminder } from "../../../grammar/index.ts";
import type { Clock } from "./clock.ts";
import { findDate } from "./dates.ts";
import type { Changes, Filter, Intent, Target } from "./intent.ts";
import { parseNewTask, tidyTitle } from "./parse-add.ts";
import { addItems, splitClauses, startsWithAction } from "./split.ts";
import { cleanPhrase, filterLabel, parseBareReference, parseFilter, parseTarget } from "./parse-target.ts";

type Rule = (raw: string, t: string, clock: Clock) => Intent | null;

const DONE = "done|complete|completed|finished|checked|checked off|ticked off|closed|paid|sent|submitted|handled|sorted|taken care of";
/** "I called mom", "I paid the rent": a past-tense verb about a task means it is done. */
const PAST_VERB = /^i(?:'ve|\s+have)?\s+(?:already\s+|just\s+|finally\s+)?(?:[a-z]+ed|bought|paid|sent|wrote|did|made|took|got|read|ran|went|fed|met|gave|built|fixed|put|set|cut)\s+(.+)$/i;
const NOT_PAST = /^i(?:'ve|\s+have)?\s+(?:already\s+|just\s+)?(?:need|want|added|created|wanted|needed|asked|forgot|started|scheduled|moved|renamed|deleted|removed|used|liked|loved|hated)\b/i;
const NOT_DONE = "not done|undone|incomplete|not complete|not completed|unfinished|uncompleted|pending|open|to ?do|active|not finished";
/** Bulk phrases name a set by its properties ("all overdue tasks"), not by reference. */
const BULK = /^(?:all|every|everything|each)\b(?!\s+(?:of\s+)?(?:them|those|these)\b)/;

const target = (phrase: string): Target => parseTarget(phrase) ?? { kind: "pronoun" };
const isBulk = (phrase: string) => BULK.test(cleanPhrase(phrase)) || /^(?:completed|finished|done)\s+(?:tasks|ones|items)$/.test(cleanPhrase(phrase));

function update(phrase: string, changes: Changes, clock?: Clock): Intent {
  if (clock && isBulk(phrase)) {
    const filter = parseFilter(phrase.replace(BULK, ""), clock);
    filter.status ??= "pending";
    return { kind: "bulk-update", filter, changes, label: filterLabel(filter, cleanPhrase(phrase)) };
  }
  return { kind: "update", target: target(phrase), changes };
}

const chat: Rule = (_raw, t) => {
  if (/^(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening)|greetings)(?: there| tickler| you| all)?[!.,]*$/.test(t))
    return { kind: "chat", reply: "Hi! What can I do for your tasks today?" };
  if (/^(?:thanks|thank you|thx|ty|cheers|much appreciated|great,? thanks|perfect,? thanks)\b/.test(t) || /^(?:great|perfect|awesome|nice|cool),? thanks?/.test(t))
    return { kind: "chat", reply: "You're welcome!" };
  if (/^(?:bye|goodbye|see you|see ya|good night)\b/.test(t)) return { kind: "chat", reply: "Bye! Your tasks will be here when you come back." };
  if (/^how are you\b/.test(t)) return { kind: "chat", reply: "Doing well, thanks! Want to add or check a task?" };
  if (/^(?:great|perfect|awesome|nice|cool|good|got it)$/.test(t)) return { kind: "chat", reply: "Glad to help! Anything else?" };
  return null;
};

const confirm: Rule = (_raw, t) => {
  if (/^(?:y|yes|yep|yeah|yup|sure|ok|okay|confirm|confirmed|do it|go ahead|please do|yes please|yes,? delete (?:them|it|all)|delete them|proceed)$/.test(t))
    return { kind: "confirm", yes: true };
  if (/^(?:n|no|nope|nah|cancel|stop|don'?t|never ?mind|keep them|abort|no thanks|no,? keep them|no,? don'?t)$/.test(t)) return { kind: "confirm", yes: false };
  return null;
};

const help: Rule = (_raw, t) =>
  /^(?:help|\?|what can you do|what do you do|how does this work|how do i use this|commands|what can i say|who are you|what are you)\b/.test(t) ? { kind: "help" } : null;

const rename: Rule = (raw) => {
  const m =
    /^(?:please\s+)?(?:rename|retitle|re-title|relabel)\s+(.+?)(?:\s+(?:to|as|into)|\s*:)\s+(.+)$/i.exec(raw) ??
    // A quoted new text is a title, even after "change … to" ("Change task 1 to 'Call mom tonight'").
    /^(?:change|update|edit|set|make)\s+(.+?)\s+(?:to|into|as)\s*:?\s+(["“'].+["”'])$/i.exec(raw) ??
    /^(?:change|set|update)\s+(?:the\s+)?(?:title|name)\s+(?:of|for)\s+(.+?)\s+to\s+(.+)$/i.exec(raw) ??
    /^(?:change|update)\s+(.+?)(?:'s)?\s+(?:title|name)\s+to\s+(.+)$/i.exec(raw) ??
    /^(?:call|name|title)\s+((?:task|#|number)\s*#?\d+)\s+["“']?(.+?)["”']?$/i.exec(raw);
  return m?.[1] && m[2] ? update(m[1], { title: tidyTitle(m[2].replace(/^["“']|["”']$/g, "")) }) : null;
};

const description: Rule = (raw) => {
  const clear = /^(?:remove|clear|delete|drop)\s+(?:the\s+)?(?:description|notes?|details)\s+(?:from|of|on)\s+(.+)$/i.exec(raw);
  if (clear?.[1]) return update(clear[1], { description: null });
  const m =
    /^(?:change|set|update|edit|replace)\s+(?:the\s+)?(?:description|notes?|details)\s+(?:of|for|on)\s+(.+?)\s+(?:to|as|with)\s*:?\s+([\s\S]+)$/i.exec(raw) ??
    /^(?:add|put)\s+(?:a\s+|the\s+)?(?:note|description|details)\s+(?:to|on)\s+(.+?)\s*(?::|saying|that says)\s*([\s\S]+)$/i.exec(raw) ??
    /^describe\s+(.+?)\s+as\s+([\s\S]+)$/i.exec(raw);
  return m?.[1] && m[2] ? update(m[1], { description: m[2].trim().replace(/^["“]|["”]$/g, "") }) : null;
};

const dueDate: Rule = (raw, _t, clock) => {
  const clear =
    /^(?:remove|clear|delete|drop|unset|take off)\s+(?:the\s+)?(?:due date|deadline|due time|date)\s+(?:from|of|on|for)\s+(.+)$/i.exec(raw) ??
    /^(?:remove|clear|unset)\s+(.+?)(?:'s)?\s+(?:due date|deadline)$/i.exec(raw) ??
    /^(.+?)\s+(?:has|should have|needs)\s+no\s+(?:due date|deadline)$/i.exec(raw);
  if (clear?.[1]) return update(clear[1], { due_at: null });
  const m =
    /^(?:please\s+)?(?:push|move|reschedule|postpone|delay|defer|bump|shift|change|set|make)\s+(?:the\s+(?:due date|deadline)\s+(?:of|for)\s+)?(.+?)(?:'s\s+(?:due date|deadline))?\s+(?:to|until|till|for|due|by|on)\s+(.+)$/i.exec(raw) ??
    /^(.+?)\s+(?:is|should be)\s+(?:now\s+)?due\s+(.+)$/i.exec(raw);
  if (!m?.[1] || !m[2]) return null;
  // "push everything due today to next week": a bulk filter may say "due …" itself, so the new date follows the last "to".
  const bulk = isBulk(m[1]) ? /^(?:please\s+)?(?:push|move|reschedule|postpone|delay|defer|bump|shift|change|set|make)\s+(.+)\s+(?:to|until|till)\s+(.+)$/i.exec(raw) : null;
  if (bulk?.[1] && bulk[2]) [m[1], m[2]] = [bulk[1], bulk[2]];
  const by = /\b(?:by|for)\s+(.+?)(?:\s+(?:later|more))?$/i.exec(raw)?.[1];
  const shift = by ? parseDuration(by) : null;
  if (shift && !/^(?:what|which)\b/i.test(m[1])) return update(m[1], { shift }, clock);
  const date = findDate(m[2], clock) ?? findDate(`on ${m[2]}`, clock);
  // "what is due tomorrow?" asks for a list; it does not reschedule a task called "what".
  if (/^(?:what|which|anything|something|who|how much|how many|is there|are there)\b/i.test(m[1].trim())) return null;
  return date ? update(m[1], { due_at: date.iso, ...(date.hasTime ? {} : { keep_time: true }) }, clock) : null;
};

const priority: Rule = (raw, _t, clock) => {
  const clear = /^(?:remove|clear|reset)\s+(?:the\s+)?priority\s+(?:from|of|on)\s+(.+)$/i.exec(raw);
  if (clear?.[1]) return update(clear[1], { priority: null });
  const m =
    /^(?:set|change|update|make)\s+(?:the\s+)?priority\s+(?:of|for|on)\s+(.+?)\s+(?:to|as)\s+(high|medium|low|none|urgent|normal|top)\b/i.exec(raw) ??
    /^(?:set|change|update|make)\s+(.+?)(?:'s|s)?\s+priority\s+(?:to|as)\s+(high|medium|low|none|urgent|normal|top)\b/i.exec(raw) ??
    /^(?:make|mark|set|flag|change|move|bump|raise|lower|drop|put)\s+(.+?)\s+(?:as\s+|to\s+|up to\s+|down to\s+)?(?:a\s+)?(high|medium|low|top|urgent|important|normal|critical)(?:\s+priority)?$/i.exec(raw) ??
    /^(.+?)\s+is\s+(?:now\s+)?(high|medium|low|top|urgent|important)(?:\s+priority)?$/i.exec(raw);
  if (m?.[1] && m[2]) return update(m[1], { priority: PRIORITY_WORDS[m[2].toLowerCase()] ?? "high" }, clock);
  const up = /^(?:prioriti[sz]e|bump up|escalate)\s+(.+)$/i.exec(raw);
  if (up?.[1]) return update(up[1], { priority: "high" });
  const down = /^(?:deprioriti[sz]e|de-prioriti[sz]e|lower the priority of)\s+(.+)$/i.exec(raw);
  return down?.[1] ? update(down[1], { priority: "low" }) : null;
};

const tags: Rule = (raw) => {
  const add =
    /^tag\s+(.+?)\s+(?:with|as)\s+(.+)$/i.exec(raw)?.slice(1).reverse() ??
    /^(?:add|put)\s+(?:the\s+)?tags?\s+(.+?)\s+(?:to|on)\s+(.+)$/i.exec(raw)?.slice(1);
  if (add?.[0] && add[1]) return update(add[1], { add_tags: labelList(add[0]) });
  const remove = /^(?:remove|delete|drop|take off)\s+(?:the\s+)?tags?\s+(.+?)\s+(?:from|on)\s+(.+)$/i.exec(raw) ?? /^untag\s+(.+?)\s+from\s+(.+)$/i.exec(raw);
  if (remove?.[1] && remove[2]) return update(remove[2], { remove_tags: labelList(remove[1]) });
  const clear = /^(?:untag|remove (?:all )?(?:the )?tags from|clear (?:the )?tags (?:of|on|from))\s+(.+)$/i.exec(raw);
  return clear?.[1] ? update(clear[1], { tags: null }) : null;
};

/** A phrase that points at tasks without title words ("task 4", "it", "the first one"): safe to read a statement about. */
const isReference = (phrase: string) => parseTarget(phrase)?.kind !== "query";

const REPEAT_WORD = "(?:repeat|recur)";
const STOP_WORDS = "(?:\\s+(?:anymore|any more|again|from now on))?";

/**
 * How an existing task repeats: "make task 4 repeat monthly", "repeat it every
 * monday", "change the recurrence of task 2 to every 2 weeks"; "stop repeating
 * task 4", "task 4 shouldn't repeat any more", "remove the recurrence from it".
 * The words are read by the grammar's parseRecurrence, the same reading as the
 * REST API's `recurrence.text`. Tried before the delete and reschedule rules:
 * "cancel the repeat on task 4" must never delete the task.
 */
const repeat: Rule = (raw, _t, clock) => {
  const stop =
    new RegExp(`^(?:please\\s+)?(?:stop|quit)\\s+(?:repeating|recurring)\\s+(.+?)${STOP_WORDS}$`, "i").exec(raw) ??
    new RegExp(`^(?:please\\s+)?stop\\s+(.+?)\\s+(?:from\\s+)?(?:repeating|recurring)${STOP_WORDS}$`, "i").exec(raw) ??
    new RegExp(`^(?:please\\s+)?(?:don'?t|do not|never)\\s+${REPEAT_WORD}\\s+(.+?)${STOP_WORDS}$`, "i").exec(raw) ??
    new RegExp(`^(?:make|set|have|let)\\s+(.+?)\\s+(?:to\\s+)?(?:not|no longer|never)\\s+(?:${REPEAT_WORD}|repeating|recurring)${STOP_WORDS}$`, "i").exec(raw) ??
    /^(?:please\s+)?(?:remove|clear|delete|drop|cancel|turn off|switch off|disable|end|unset|take off)\s+(?:the\s+)?(?:recurrence|repeat|repetition|repeating|recurring(?:\s+schedule)?|rrule)\s+(?:from|of|on|for)\s+(.+)$/i.exec(raw) ??
    /^(?:make|turn)\s+(.+?)\s+(?:into\s+)?(?:a\s+)?(?:one-off|one off|one-time|one time|non-recurring|non-repeating)(?:\s+(?:task|thing))?$/i.exec(raw);
  if (stop?.[1]) return update(stop[1], { recurrence: null });
  const said = new RegExp(`^(.+?)\\s+(?:should(?:n't| not| no longer)|shall not|must not|mustn't|won't|will not|doesn't|does not|don't|needn't|no longer)\\s+(?:need to\\s+)?${REPEAT_WORD}${STOP_WORDS}$`, "i").exec(raw);
  if (said?.[1] && isReference(said[1])) return update(said[1], { recurrence: null });

  const set =
    new RegExp(`^(?:please\\s+)?(?:make|set|have|let|get)\\s+(.+?)\\s+(?:to\\s+)?${REPEAT_WORD}s?\\s+(.+)$`, "i").exec(raw) ??
    /^(?:please\s+)?(?:change|set|update|make)\s+(?:the\s+)?(?:recurrence|repeat|repetition|schedule)\s+(?:of|for|on)\s+(.+?)\s+(?:to|as)\s+(.+)$/i.exec(raw) ??
    /^(?:please\s+)?(?:make|turn)\s+(.+?)\s+(?:into\s+)?(?:a\s+)?(?:recurring|repeating)(?:\s+(?:task|thing))?\s+(.+)$/i.exec(raw) ??
    new RegExp(`^(?:please\\s+)?${REPEAT_WORD}\\s+(.+?)\\s+((?:every|each|hourly|daily|weekly|monthly|yearly|annually|fortnightly)\\b.*)$`, "i").exec(raw) ??
    /^(?:please\s+)?make\s+(.+?)\s+(?:a\s+)?(hourly|daily|weekly|monthly|yearly|fortnightly)(?:\s+(?:task|thing|one))?$/i.exec(raw);
  const stated = set ? null : new RegExp(`^(.+?)\\s+(?:should|must|will|needs? to|has to|is to)?\\s*(?:${REPEAT_WORD}s?)\\s+(.+)$`, "i").exec(raw);
  const m = set ?? (stated?.[1] && isReference(stated[1]) ? stated : null);
  if (!m?.[1] || !m[2]) return null;
  // "repeat on monday": the grammar reads "monday" as "every monday".
  const parsed = parseRecurrence(m[2].replace(/[.!]+$/, "").replace(/^on\s+/i, ""), clock);
  if (!parsed) {
    // A numbered task asked to repeat in words we do not read: say so rather than add a task called "4 repeat".
    return parseTarget(m[1])?.kind === "ids"
      ? { kind: "chat", reply: `I didn't understand how it should repeat (\u201c${m[2]}\u201d). Say it like \u201cevery monday at 9am\u201d, \u201cevery 2 weeks\u201d or \u201cmonthly\u201d.` }
      : null;
  }
  // "starting friday" is the first due date, as the REST API reads it.
  return update(m[1], { recurrence: parsed.recurrence, ...(parsed.due ? { due_at: parsed.due.at } : {}) });
};

/** "<task> <when>": the shortest task phrase after which the rest reads whole as a reminder ("task 3 | 30 minutes before"). */
function splitReminder(rest: string, clock: Clock, references = false): { phrase: string; reminder: Reminder } | null {
  const words = rest.trim().split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    const phrase = words.slice(0, i).join(" ");
    const reminder = parseReminder(words.slice(i).join(" "), clock);
    if (reminder && (!references || isReference(phrase))) return { phrase, reminder };
  }
  return null;
}

/**
 * A reminder on an existing task: "remind me about task 3 30 minutes before",
 * "set a reminder for the rent at 8am", "remind me tomorrow at 9 about it",
 * "remind me 1 day before task 8 is due"; "remove the reminders from task 3".
 * The when-words are read by the grammar (parseReminder). "remind me about the
 * vet appointment on Dec 12" names no task, so it stays an add: after "remind
 * me" only a reference (a number, "it", "the first one") is a task.
 */
const reminder: Rule = (raw, _t, clock) => {
  const clear =
    /^(?:please\s+)?(?:remove|clear|delete|drop|cancel|turn off|switch off|disable|unset)\s+(?:all\s+)?(?:the\s+|my\s+)?reminders?\s+(?:from|of|on|for)\s+(.+)$/i.exec(raw) ??
    /^(?:please\s+)?(?:don'?t|do not|stop)\s+(?:remind|reminding)\s+me\s+(?:about|of)\s+(.+?)(?:\s+(?:anymore|any more|again))?$/i.exec(raw);
  if (clear?.[1]) return update(clear[1], { reminders: null });
  const one = (phrase: string, r: Reminder): Intent => update(phrase, { reminders: [r] });
  // "remind me 1 day before task 8 (is due)"
  const before = /^(?:please\s+)?remind\s+me\s+(.+?\s+before)\s+(.+?)(?:\s+(?:is due|starts|begins|is))?$/i.exec(raw);
  const beforeReminder = before?.[1] && before[2] && isReference(before[2]) ? parseReminder(before[1], clock) : null;
  if (beforeReminder) return one(before![2]!, beforeReminder);
  // "remind me about task 3 30 minutes before"
  const about = /^(?:please\s+)?remind\s+me\s+(?:about|of|regarding)\s+(.+)$/i.exec(raw);
  const split = about?.[1] ? splitReminder(about[1], clock, true) : null;
  if (split) return one(split.phrase, split.reminder);
  // "remind me tomorrow at 9 about task 3"
  const whenFirst = /^(?:please\s+)?remind\s+me\s+(.+?)\s+(?:about|of|regarding|for)\s+(.+)$/i.exec(raw);
  const whenReminder = whenFirst?.[1] && whenFirst[2] && isReference(whenFirst[2]) ? parseReminder(whenFirst[1], clock) : null;
  if (whenReminder) return one(whenFirst![2]!, whenReminder);
  // "set a reminder for the rent at 8am": any task, by number or by title words
  const setFor = /^(?:please\s+)?(?:set|add|put|create|schedule|make)\s+(?:me\s+)?(?:a\s+|an\s+|the\s+)?(?:new\s+)?reminder\s+(?:for|on|about)\s+(.+)$/i.exec(raw);
  const setSplit = setFor?.[1] ? splitReminder(setFor[1], clock) : null;
  if (setSplit) return one(setSplit.phrase, setSplit.reminder);
  // "add a reminder to task 3 at 8am" ("add a reminder to stretch at noon" is a new task)
  const setTo = /^(?:please\s+)?(?:set|add|put)\s+(?:a\s+|the\s+)?reminder\s+(?:to|on)\s+(.+)$/i.exec(raw);
  const toSplit = setTo?.[1] ? splitReminder(setTo[1], clock, true) : null;
  if (toSplit) return one(toSplit.phrase, toSplit.reminder);
  // "set a reminder at 8am for the rent"
  const whenThenTask = /^(?:please\s+)?(?:set|add|put|create|schedule)\s+(?:me\s+)?(?:a\s+|an\s+)?reminder\s+(.+?)\s+(?:for|on|about)\s+(.+)$/i.exec(raw);
  const late = whenThenTask?.[1] && whenThenTask[2] ? parseReminder(whenThenTask[1], clock) : null;
  return late ? one(whenThenTask![2]!, late) : null;
};

function completion(phrase: string, completed: boolean, clock: Clock): Intent {
  if (isBulk(phrase)) {
    const filter: Filter = parseFilter(phrase.replace(BULK, ""), clock);
    filter.status = completed ? "pending" : "completed";
    if (filter.overdue && !completed) delete filter.overdue;
    return { kind: "bulk-complete", filter, completed, label: filterLabel(filter, cleanPhrase(phrase)) };
  }
  return { kind: "complete", target: target(phrase), completed };
}

const complete: Rule = (raw, _t, clock) => {
  const undo =
    new RegExp(`^(?:please\\s+)?(?:mark|set|make|move|put)\\s+(.+?)\\s+(?:as\\s+|back to\\s+|to\\s+)?(?:${NOT_DONE})(?:\\s+again)?$`, "i").exec(raw) ??
    /^(?:please\s+)?(?:reopen|re-open|uncomplete|un-complete|unmark|uncheck|untick|undo|restore|reactivate|resume)\s+(.+?)(?:\s+again)?$/i.exec(raw) ??
    new RegExp(`^(.+?)\\s+(?:is|are|was|were)(?:n't|\\s+not)\\s+(?:actually\\s+)?(?:done|finished|complete|completed)(?:\\s+yet)?$`, "i").exec(raw);
  if (undo?.[1]) return completion(undo[1], false, clock);
  const done =
    new RegExp(`^(?:please\\s+)?(?:mark|set|flag|put)\\s+(.+?)\\s+(?:as\\s+|to\\s+)?(?:${DONE})$`, "i").exec(raw) ??
    /^(?:please\s+)?(?:complete|finish|check off|tick off|cross off|close|finalize|knock out|wrap up|tick)\s+(.+)$/i.exec(raw) ??
    /^(?:check|tick|cross)\s+(.+?)\s+off$/i.exec(raw) ??
    /^(?:i(?:'ve|\s+have)?\s+|just\s+)?(?:finished|completed|did|done)\s*[:-]?\s+(?:with\s+)?(.+)$/i.exec(raw) ??
    /^((?:task|#|number)\s*#?\d+(?:\s*(?:,|and|&)\s*#?\d+)*|it|that|this|both|all of them)\s+(?:done|completed|finished)$/i.exec(raw) ??
    /^(?:i'?m|i am|we'?re)\s+(?:done|finished|through)\s+with\s+(.+)$/i.exec(raw) ??
    new RegExp(`^(.+?)\\s+(?:is|are|'s)\\s+(?:now\\s+|all\\s+)?(?:${DONE})$`, "i").exec(raw);
  if (done?.[1]) return completion(done[1], true, clock);
  const past = NOT_PAST.test(raw) ? null : PAST_VERB.exec(raw);
  // The verb is usually part of the title ("Call mom"), so search for the object only.
  return past?.[1] ? { kind: "complete", target: target(past[1]), completed: true } : null;
};

const remove: Rule = (raw, t, clock) => {
  if (/^(?:clear|clean up|purge|delete|remove)\s+(?:completed|finished|done)(?:\s+(?:tasks|ones|items))?$/.test(t))
    return { kind: "bulk-delete", filter: { status: "completed" }, label: "completed tasks" };
  const m = /^(?:please\s+)?(?:delete|remove|erase|trash|drop|get rid of|clear|clean up|purge|wipe|cancel|scrap|scratch|nuke|ditch|toss|bin|axe|kill|forget(?: about)?|strike|cross out)\s+(.+)$/i.exec(raw);
  if (!m?.[1]) return null;
  if (isBulk(m[1])) {
    const filter = parseFilter(m[1].replace(BULK, ""), clock);
    return { kind: "bulk-delete", filter, label: filterLabel(filter, cleanPhrase(m[1])) };
  }
  return { kind: "delete", target: target(m[1]) };
};

const show: Rule = (raw) => {
  const m = /^(?:show|open|view|display|get|describe|details (?:of|for)|tell me about|what(?:'s| is)|whats)\s+(?:me\s+)?(?:the\s+)?(?:details\s+(?:of|for)\s+)?((?:task|number|#)\s*#?\d+)\??$/i.exec(raw);
  return m?.[1] ? { kind: "show", target: target(m[1]) } : null;
};

/** "create a list called Garden", "new list: Garden". */
const createList: Rule = (raw) => {
  const m = /^(?:please\s+)?(?:create|make|add|start|set up|new)\s+(?:me\s+)?(?:a\s+|an\s+)?(?:new\s+)?(?:list|project)\s*(?:called|named|titled|for|:)?\s+["“']?(.+?)["”']?$/i.exec(raw);
  return m?.[1] ? { kind: "create-list", name: m[1].trim() } : null;
};

/** "move the report to the Work list", "put task 3 in groceries". */
const move: Rule = (raw) => {
  const m = /^(?:please\s+)?(?:move|put|file|transfer|send)\s+(.+?)\s+(?:to|into|in|onto)\s+(?:my\s+|the\s+)?(.+?)\s+(?:list|project)$/i.exec(raw) ??
    /^(?:please\s+)?(?:move|file|transfer)\s+(.+?)\s+(?:to|into)\s+(?:my\s+|the\s+)?(?:list|project)\s+["“']?(.+?)["”']?$/i.exec(raw) ??
    /^(?:please\s+)?(?:move|file|transfer)\s+(.+?)\s+(?:to|into)\s+(?:my\s+|the\s+)?([^\s].*)$/i.exec(raw);
  return m?.[1] && m[2] ? { kind: "move", target: target(m[1]), list: m[2].trim() } : null;
};

/** "add 'book venue' under the party task": a subtask, the parent named by title words. */
const addUnder: Rule = (raw, _t, clock) => {
  const m = /^(?:please\s+)?(?:add|create|put)\s+(?:a\s+)?(?:subtask\s+)?(.+?)\s+(?:under|beneath|below|as a subtask of|as a sub-task of|inside)\s+(?:the\s+|my\s+)?(.+?)(?:\s+(?:task|todo))?$/i.exec(raw);
  if (!m?.[1] || !m[2]) return null;
  const task = parseNewTask(m[1], clock);
  return task.title ? { kind: "add", task: { ...task, parent: m[2].trim() } } : null;
};

const add: Rule = (raw, _t, clock) => {
  const m =
    /^(?:please\s+|can you\s+|could you\s+)?(?:add|create|make|new|put|schedule|save|jot down|note down|set up)\b\s*(?:me\s+)?(?:a\s+|an\s+)?(?:new\s+)?(?:task|todo|to-do|reminder|item)?\s*(?::|-|–)?\s*([\s\S]+)$/i.exec(raw) ??
    /^(?:please\s+)?remind me\s+(?:to\s+|about\s+|that\s+)?([\s\S]+)$/i.exec(raw) ??
    /^(?:i need to|i have to|i must|i should|i gotta|(?:i\s+)?(?:need to\s+|must\s+|have to\s+)?remember to|don'?t (?:let me )?forget to|note to self|todo:|to-do:|task:)\s*[:\-–—]?\s*([\s\S]+)$/i.exec(raw);
  if (!m?.[1]) return null;
  // "remind me in 2 hours to call the bank": the time is the reminder's, not a due date.
  if (/^(?:please\s+)?remind me\s/i.test(raw)) {
    const reminded = parseNewTask(raw.replace(/^please\s+/i, ""), clock);
    if (reminded.reminders?.length && reminded.title) return { kind: "add", task: reminded };
  }
  const items = addItems(m[1])?.map((item) => parseNewTask(item, clock));
  if (items?.length && items.every((task) => task.title)) {
    return items.length === 1 ? { kind: "add", task: items[0]! } : { kind: "compound", parts: items.map((task) => ({ kind: "add", task })) };
  }
  const task = parseNewTask(m[1], clock);
  if (!task.title) return null;
  // "add eggs to groceries": maybe a list; the plan checks the user's lists before using it.
  // Read from the title, after the grammar took dates out ("call mom on friday" names no list).
  const into =
    /^(.+?)\s+(?:to|onto|into)\s+(?:my\s+|the\s+)?([\p{L}\p{N}][\p{L}\p{N}'&\- ]{0,60}?)(?:\s+list)?$/iu.exec(task.title) ??
    /^(.+?)\s+(?:on|in)\s+(?:my|the)\s+([\p{L}\p{N}][\p{L}\p{N}'&\- ]{0,60}?)\s+list$/iu.exec(task.title);
  // A quoted title is the whole title ("add 'send invoice to ACME'").
  // "remember to pay", "send the report to Anna": a verb before "to" takes a person or an action, not a list.
  const verbBefore = /\b(?:remember|need|want|have|has|going|got|try|trying|time|how|able|back|talk|speak|say|write|send|give|take|bring|email|mail|call|text|reply|return|go|get|drive|walk|fly|ship|deliver|pay|invite|show|explain|lend|sell|forward|submit|hand|introduce|listen|reach out|respond|report|apply|travel|commute|drop|post|upload|add)$/i;
  const guessed = into?.[1] && into[2] && !task.list && !/^\s*["“']/.test(m[1]) && !verbBefore.test(into[1]) ? tidyTitle(into[1]) : "";
  return guessed ? { kind: "add", task, guess: { list: into![2]!, title: guessed } } : { kind: "add", task };
};

/** "what's on my work list?", "show the groceries list". */
const listOf: Rule = (raw) => {
  const m = /^(?:what(?:'s| is)|whats|show(?: me)?|list|open|view|display|see)\s+(?:on|in)?\s*(?:my|the)\s+(.+?)\s+(?:list|project)$/i.exec(raw);
  if (!m?.[1] || /^(?:list|plate|agenda|todo list|to-do list|tasks?|today|tomorrow|schedule)$/i.test(m[1])) return null;
  const filter: Filter = { list: m[1].trim(), status: "pending" };
  return { kind: "list", filter, label: `open tasks on your ${m[1].trim()} list` };
};

const list: Rule = (raw, t, clock) => {
  const find = /^(?:find|search(?: for)?|look (?:for|up)|where(?:'s| is)|do i have (?:a|any) tasks? (?:about|for|called|named)|(?:is there|are there|do i have) (?:anything|any tasks?|something) (?:about|for|called|named|with|on))\s+(?:my\s+|the\s+|a\s+)?(.+?)(?:\s+(?:task|tasks|todo))?$/i.exec(raw);
  if (find?.[1] && !/^(?:tasks?|todos?|everything|all)\b/i.test(find[1])) {
    const filter = { query: cleanPhrase(find[1]).replace(/^(?:the|my|a)\s+/, "") };
    return { kind: "list", filter, label: filterLabel(filter, t) };
  }
  const asks = /^(?:show|list|display|view|see|give|get|what|whats|what's|which|how many|any|anything|tell|do i|did i|have i|is there|are there|check|my|all|agenda|pending|overdue|completed|open|upcoming|high|medium|low|urgent|tasks?|todos?)\b/.test(t);
  const aboutTasks =
    /\b(?:tasks?|todos?|to-dos?|list|agenda|plate|overdue|due|pending|completed|finished|finish|done|complete|open|left|remaining|priority|urgent|important|tagged|everything|today|tomorrow|this week|next week|upcoming)\b|#\w/.test(t) ||
    /^(?:what do i have|what have i got|anything)\b/.test(t);
  const listy = (asks && aboutTasks) || /^(?:tasks?|todos?|agenda)\b/.test(t);
  if (!listy) return null;
  const filter = parseFilter(t, clock);
  const everything = /\b(?:all (?:my |of my )?(?:tasks|todos)|everything|every task)\b/.test(t) && !filter.status;
  if (everything) filter.status = "all";
  else filter.status ??= "pending";
  const sort = filter.overdue || filter.due_before ? ("due_at" as const) : undefined;
  return { kind: "list", filter, sort, label: filterLabel(filter, t) };
};

const pick: Rule = (raw) => {
  const target = parseBareReference(raw);
  return target ? { kind: "pick", target } : null;
};

const lists: Rule = (_raw, t) =>
  /^(?:(?:show|list|display|see|view|give)(?: me)?|what(?: are)?|which)\s+(?:all\s+)?(?:my\s+|the\s+)?(?:lists|projects)(?:\s+(?:do i have|have i got|are there|i have))?$/.test(t) ? { kind: "lists" } : null;

/**
 * "pay rent every month": a statement with a recurrence and a title left over
 * is a recurring task to add, even without "add" (tried last, so questions and
 * commands win).
 */
const addRecurring: Rule = (raw, _t, clock) => {
  const task = parseNewTask(raw, clock);
  // "dentist friday 3pm, remind me 1 hour before" likewise: a reminder only a new task can carry.
  return (task.recurrence || task.reminders?.length) && task.title ? { kind: "add", task } : null;
};

const RULES: Rule[] = [confirm, help, chat, pick, lists, rename, description, tags, repeat, reminder, priority, dueDate, complete, move, remove, show, createList, addUnder, add, listOf, list, addRecurring];

/** Kinds that may not be one part of a compound request. */
const ALONE = new Set<Intent["kind"]>(["help", "unknown", "chat", "confirm", "pick", "compound"]);

export function parseIntent(text: string, clock: Clock): Intent {
  const clauses = splitClauses(text.trim());
  if (clauses.length > 1) {
    const parts: Intent[] = [];
    for (const clause of clauses) {
      // "add X and also Y": Y without a verb of its own is one more thing to add.
      const more = parts.at(-1)?.kind === "add" && !startsWithAction(clause);
      const intent = parseSingle(more ? `add ${clause}` : clause, clock);
      if (intent.kind === "compound" && intent.parts.every((p) => p.kind === "add")) parts.push(...intent.parts);
      else parts.push(intent);
    }
    if (parts.every((p) => !ALONE.has(p.kind))) return { kind: "compound", parts };
  }
  return parseSingle(text, clock);
}

function parseSingle(text: string, clock: Clock): Intent {
  const raw = text
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:(?:hey|hi|ok|okay|so|um|uh|actually|oh|also|and|then|now|please|pls|can you|could you|would you|tickler)[,!]?\s+)+/i, "")
    .replace(/[.!]+$|\s+(?:please|pls|thanks|thank you)[.!]?$/i, "")
    .trim();
  const t = cleanPhrase(raw).replace(/\?$/, "");
  if (!t) return { kind: "help" };
  const whole = cleanPhrase(text).replace(/\?$/, "");
  const greeting = chat(text, whole, clock);
  if (greeting) return greeting;
  for (const rule of RULES) {
    const intent = rule(raw.replace(/\?$/, ""), t, clock);
    if (intent) return intent;
  }
  return { kind: "unknown", text: raw };
}
