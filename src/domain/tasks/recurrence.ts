/**
 * Recurring tasks' dates, computed by rrule-temporal. A stored rule has no
 * DTSTART: the task's current due date is the series' start, read as a wall
 * clock in the user's zone, so "every day at 7am" stays at 7:00 across DST and
 * a rescheduled task keeps repeating from its new date. COUNT counts completed
 * occurrences (see decision 017), so it is checked here, not by the library.
 */
import { RRuleTemporal } from "rrule-temporal";
import { toText } from "rrule-temporal/totext";
import type { Recurrence, RecurrenceFrom } from "../../contracts/task.ts";
import { invalid } from "../errors.ts";
import { wallAt, wallToInstant, type Wall } from "../time.ts";

/** Guards rules that never (or rarely) match, e.g. February 31st: the library gives up after this many periods. */
const MAX_ITERATIONS = 5000;
const FREQS = new Set(["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY"]);

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const local = (w: Wall) =>
  `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;

interface Parsed {
  /** The rule without COUNT (checked against the completed count instead). */
  base: string;
  count: number | null;
  hasTime: boolean;
}

function parse(rule: string): Parsed {
  const parts = rule.split(";").filter(Boolean);
  const count = parts.find((p) => p.startsWith("COUNT="));
  return {
    base: parts.filter((p) => !p.startsWith("COUNT=")).join(";"),
    count: count ? Number(count.slice(6)) : null,
    hasTime: parts.some((p) => p.startsWith("BYHOUR=")),
  };
}

/**
 * A monthly or yearly series whose day comes from a due date on the 29th–31st
 * lands on the month's last day where that day does not exist (RFC 7529
 * SKIP=BACKWARD: Aug 31 + 6 months is Feb 28), as to-do apps do, instead of
 * RFC 5545's skipping the month. Applied when computing, not stored.
 */
const clamped = (rule: string) =>
  /FREQ=(MONTHLY|YEARLY)/.test(rule) && !/RSCALE=/.test(rule) ? `RSCALE=GREGORIAN;SKIP=BACKWARD;${rule}` : rule;

function series(rule: string, start: Wall, timeZone: string, clamp = true): RRuleTemporal {
  return new RRuleTemporal({
    rruleString: `DTSTART;TZID=${timeZone}:${local(start)}\nRRULE:${clamp ? clamped(rule) : rule}`,
    strict: true,
    maxIterations: MAX_ITERATIONS,
  });
}

/** Runs a query on a series; a rule that exhausts the iteration cap has no (further) occurrence. */
function attempt<T>(f: () => T, none: T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof Error && /iterations|candidate/i.test(err.message)) return none;
    throw err;
  }
}

/**
 * Checks an RRULE value (without `RRULE:`) and returns it normalised. Every part
 * must survive rrule-temporal's strict parse unchanged, so nothing the client
 * sent is silently dropped; MINUTELY and SECONDLY are refused (a to-do is not a timer).
 */
export function checkRule(rule: string): string {
  const normal = rule
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, "");
  const bad = (why: string) => invalid("invalid_recurrence", `recurrence rule ${why}`);
  const freq = /(?:^|;)FREQ=([A-Z]+)/.exec(normal)?.[1];
  if (!freq) throw bad("needs FREQ, e.g. FREQ=WEEKLY;BYDAY=MO");
  if (!FREQS.has(freq)) throw bad(`FREQ=${freq} is not supported (use HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY)`);
  let printed: string;
  try {
    printed =
      /RRULE:(.*)/.exec(
        series(normal, { year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 }, "UTC", false).toString(),
      )?.[1] ?? "";
  } catch (err) {
    throw bad(`is not valid: ${err instanceof Error ? err.message : "unreadable"}`);
  }
  const sorted = (s: string) => s.split(";").filter(Boolean).sort().join(";");
  const given = normal.split(";").filter(Boolean);
  const unknown = given.filter((p) => !printed.split(";").includes(p));
  if (sorted(printed) !== sorted(normal))
    throw bad(`has parts that are not understood: ${unknown.join(";") || normal}`);
  const count = parse(normal).count;
  if (count !== null && (!Number.isInteger(count) || count < 1)) throw bad("COUNT must be at least 1");
  return normal;
}

/** Words for a rule that came without any ("every week on Monday at 9 AM"). */
export function describeRule(rule: string): string {
  const r = series(rule, { year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 }, "UTC", false);
  return toText(r)
    .replace(/ at 12 AM UTC$/, "")
    .replace(/ UTC\b/g, "")
    .slice(0, 200);
}

export interface RecurrenceState {
  rule: string;
  from: RecurrenceFrom;
  /** Occurrences completed before this one. */
  completed: number;
}

/**
 * The first occurrence strictly after `now` (a recurring task written without a
 * due date). Without a time in the rule it is the end of that day, the API's
 * convention for a date without a time.
 */
export function firstOccurrence(rule: string, timeZone: string, now: Date): Date | null {
  const p = parse(rule);
  const today = wallAt(now, timeZone);
  const start = { ...today, hour: p.hasTime ? 0 : 23, minute: p.hasTime ? 0 : 59, second: p.hasTime ? 0 : 59 };
  const next = attempt(() => series(p.base, start, timeZone).next(now, true), null);
  return next ? new Date(next.epochMilliseconds) : null;
}

/**
 * Where a recurring task moves when its current occurrence is completed (or
 * skipped): the next occurrence after its due date that is also after now — an
 * overdue daily task comes back tomorrow, not yesterday — or, with `from:
 * "completion"`, the next one counted from today at the task's time of day.
 * Null when the rule has ended (UNTIL passed, or COUNT completions reached).
 */
export function nextOccurrence(
  state: RecurrenceState,
  dueAt: Date | null,
  timeZone: string,
  now: Date,
  counts = true,
): Date | null {
  const p = parse(state.rule);
  if (counts && p.count !== null && state.completed + 1 >= p.count) return null;
  const anchor = dueAt ?? now;
  const time = wallAt(anchor, timeZone);
  if (state.from === "completion") {
    // Today at the task's time of day is "this" occurrence; the next one is strictly after it.
    const start = { ...wallAt(now, timeZone), hour: time.hour, minute: time.minute, second: time.second };
    const next = attempt(() => series(p.base, start, timeZone).next(wallToInstant(start, timeZone)), null);
    return next ? new Date(next.epochMilliseconds) : null;
  }
  const after = new Date(Math.max(anchor.getTime(), now.getTime()));
  const next = attempt(() => series(p.base, time, timeZone).next(after), null);
  return next ? new Date(next.epochMilliseconds) : null;
}

/**
 * Projected occurrences of a pending recurring task in [from, to), strictly
 * after its own due date, at most `max`; COUNT leaves the ones not yet completed.
 */
export function projectedOccurrences(
  state: RecurrenceState,
  dueAt: Date,
  timeZone: string,
  from: Date,
  to: Date,
  max: number,
): Date[] {
  const p = parse(state.rule);
  // Without COUNT only `max` bounds the walk; with it, the occurrences left after the current one.
  const remaining = p.count === null ? max : p.count - state.completed - 1;
  if (remaining <= 0 || to <= dueAt) return [];
  const s = series(p.base, wallAt(dueAt, timeZone), timeZone);
  // With COUNT, the occurrences before `from` use it up too, so they are taken from the due date on.
  const start = p.count === null ? new Date(Math.max(from.getTime(), dueAt.getTime())) : dueAt;
  const all = attempt(() => s.between(start, to, true), [])
    .map((z) => z.epochMilliseconds)
    .filter((ms) => ms > dueAt.getTime() && ms < to.getTime());
  const out = all
    .slice(0, remaining)
    .filter((ms) => ms >= from.getTime())
    .slice(0, max)
    .map((ms) => new Date(ms));
  return out;
}

export const toRecurrence = (rule: string | null, text: string | null, from: string | null): Recurrence | null =>
  rule ? { rule, text: text ?? rule, from: from === "completion" ? "completion" : "due" } : null;
