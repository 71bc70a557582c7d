/** RRULEs that other apps export, checked before they are carried over. */
import type { GrammarContext, Recurrence } from "../../grammar/index.ts";
import type { Issues } from "./draft.ts";

const PART = /^(FREQ|INTERVAL|COUNT|UNTIL|BYDAY|BYMONTHDAY|BYMONTH|BYSETPOS|WKST|BYHOUR|BYMINUTE|TT_SKIP)=[A-Z0-9,+-]+$/;
const FREQ = /^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)$/;
const UNIT: Record<string, string> = { DAILY: "day", WEEKLY: "week", MONTHLY: "month", YEARLY: "year" };

/** A recurrence from an RRULE value ("RRULE:" prefix allowed), or null with an issue when it is not one Tickler keeps. */
export function ruleOf(raw: string, due: string | null, _ctx: GrammarContext, where: string, issues: Issues): Recurrence | null {
  const parts = raw
    .trim()
    .replace(/^RRULE:/i, "")
    .toUpperCase()
    .split(";")
    .filter((p) => p && !p.startsWith("TT_"));
  const freq = parts.find((p) => p.startsWith("FREQ="));
  if (!freq || !FREQ.test(freq) || !parts.every((p) => PART.test(p))) {
    issues.add(where, `the repeat rule “${raw.trim().slice(0, 60)}” was not understood; the task was imported without repeating`);
    return null;
  }
  if (!due) {
    issues.add(where, "a repeating task without a date was imported without repeating");
    return null;
  }
  const interval = Number(parts.find((p) => p.startsWith("INTERVAL="))?.slice(9) ?? 1);
  const unit = UNIT[freq.slice(5)]!;
  return { rule: parts.join(";"), text: interval > 1 ? `every ${interval} ${unit}s` : `every ${unit}`, from: "due" };
}
