/**
 * Next-occurrence cost: what completing a recurring task spends in
 * rrule-temporal (the database work is an ordinary update). Each rule is
 * advanced from a due date in Europe/Berlin, as `nextOccurrence` does it on
 * completion, and the occurrences of a 14-day Upcoming window are projected.
 * Single thread; ops/s and µs per op.
 */
import { nextOccurrence, projectedOccurrences } from "../src/domain/tasks/recurrence.ts";

const ZONE = "Europe/Berlin";
const RULES: [label: string, rule: string][] = [
  ["every day at 7am", "FREQ=DAILY;BYHOUR=7;BYMINUTE=0"],
  ["every mon, wed, fri", "FREQ=WEEKLY;BYDAY=MO,WE,FR"],
  ["every 2nd tuesday", "FREQ=MONTHLY;BYDAY=2TU"],
  ["every last day of the month", "FREQ=MONTHLY;BYMONTHDAY=-1"],
  ["every year on march 3", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3"],
  ["every day for 10 times", "FREQ=DAILY;COUNT=10"],
];
const RUN_MS = Number(process.env.BENCH_RECURRENCE_MS ?? 1000);

function measure(f: (i: number) => unknown): { opsPerSec: number; usPerOp: number } {
  for (let i = 0; i < 200; i++) f(i); // warm-up
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < RUN_MS) {
    for (let i = 0; i < 50; i++) f(n++);
    now = performance.now();
  }
  const seconds = (now - start) / 1000;
  return { opsPerSec: Math.round(n / seconds), usPerOp: Math.round((seconds / n) * 1e7) / 10 };
}

const base = Date.parse("2026-03-20T06:00:00Z");
const day = 86_400_000;
const rows: Record<string, string | number>[] = [];
for (const [label, rule] of RULES) {
  const state = { rule, from: "due" as const, completed: 0 };
  // Due dates spread over a year, so DST switches and month ends are crossed.
  const next = measure((i) => nextOccurrence(state, new Date(base + (i % 365) * day), ZONE, new Date(base)));
  const window = measure((i) => {
    const from = new Date(base + (i % 365) * day);
    return projectedOccurrences(state, from, ZONE, from, new Date(from.getTime() + 14 * day), 62);
  });
  rows.push({
    rule: label,
    "next ops/s": next.opsPerSec,
    "next µs": next.usPerOp,
    "14-day window ops/s": window.opsPerSec,
    "window µs": window.usPerOp,
  });
}
console.log(`recurrence: next occurrence and 14-day projection in ${ZONE} (Node ${process.version}, rrule-temporal)`);
console.table(rows);
