/**
 * Recurrence phrases → RRULE + canonical text. Every rule is checked by
 * rrule-temporal in strict mode (it must parse and print back the same parts, so
 * nothing is silently dropped), and the first occurrences are computed by it.
 * Fixed clock: Saturday 2026-11-28 10:00 UTC.
 */
import { RRuleTemporal } from "rrule-temporal";
import { describe, expect, it } from "vitest";
import { parseQuickAdd, type GrammarContext } from "./index.ts";

const SAT: GrammarContext = { now: new Date("2026-11-28T10:00:00Z"), timeZone: "UTC" };

type Row = [input: string, rule: string, text: string, title?: string];

const ROWS: Row[] = [
  ["water plants every day", "FREQ=DAILY", "every day", "water plants"],
  ["water plants daily", "FREQ=DAILY", "every day", "water plants"],
  ["water plants everyday", "FREQ=DAILY", "every day", "water plants"],
  ["water plants each day", "FREQ=DAILY", "every day", "water plants"],
  ["standup every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday", "standup"],
  ["standup every workday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday", "standup"],
  ["standup every week day", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday", "standup"],
  ["long run every weekend", "FREQ=WEEKLY;BYDAY=SA,SU", "every weekend", "long run"],
  ["long run every sat and sun", "FREQ=WEEKLY;BYDAY=SA,SU", "every weekend", "long run"],
  ["backup every 3 days", "FREQ=DAILY;INTERVAL=3", "every 3 days", "backup"],
  ["backup every three days", "FREQ=DAILY;INTERVAL=3", "every 3 days", "backup"],
  ["backup every other day", "FREQ=DAILY;INTERVAL=2", "every 2 days", "backup"],
  ["sheets every week", "FREQ=WEEKLY", "every week", "sheets"],
  ["sheets weekly", "FREQ=WEEKLY", "every week", "sheets"],
  ["sheets every 2 weeks", "FREQ=WEEKLY;INTERVAL=2", "every 2 weeks", "sheets"],
  ["sheets fortnightly", "FREQ=WEEKLY;INTERVAL=2", "every 2 weeks", "sheets"],
  ["rent every month", "FREQ=MONTHLY", "every month", "rent"],
  ["rent monthly", "FREQ=MONTHLY", "every month", "rent"],
  ["dentist every 6 months", "FREQ=MONTHLY;INTERVAL=6", "every 6 months", "dentist"],
  ["taxes every year", "FREQ=YEARLY", "every year", "taxes"],
  ["taxes annually", "FREQ=YEARLY", "every year", "taxes"],
  ["passport every 10 years", "FREQ=YEARLY;INTERVAL=10", "every 10 years", "passport"],
  ["stretch every 2 hours", "FREQ=HOURLY;INTERVAL=2", "every 2 hours", "stretch"],
  ["stretch hourly", "FREQ=HOURLY", "every hour", "stretch"],
  ["gym every monday", "FREQ=WEEKLY;BYDAY=MO", "every Monday", "gym"],
  ["gym every mon, wed, fri", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "every Monday, Wednesday and Friday", "gym"],
  ["gym every mon, wed and fri", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "every Monday, Wednesday and Friday", "gym"],
  ["gym every mon wed fri", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "every Monday, Wednesday and Friday", "gym"],
  ["gym every tuesday and thursday", "FREQ=WEEKLY;BYDAY=TU,TH", "every Tuesday and Thursday", "gym"],
  ["gym every fri & mon", "FREQ=WEEKLY;BYDAY=MO,FR", "every Monday and Friday", "gym"],
  ["bins every other monday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "every 2 weeks on Monday", "bins"],
  ["bins every 2 weeks on tue", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "every 2 weeks on Tuesday", "bins"],
  ["bins every week on monday and friday", "FREQ=WEEKLY;BYDAY=MO,FR", "every Monday and Friday", "bins"],
  ["pay rent every month on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15", "every month on the 15th", "pay rent"],
  ["pay rent every 15th", "FREQ=MONTHLY;BYMONTHDAY=15", "every month on the 15th", "pay rent"],
  ["pay rent every 1st of the month", "FREQ=MONTHLY;BYMONTHDAY=1", "every month on the 1st", "pay rent"],
  ["pay rent every month on the 1st and 15th", "FREQ=MONTHLY;BYMONTHDAY=1,15", "every month on the 1st and 15th", "pay rent"],
  ["pay rent monthly on the 3rd", "FREQ=MONTHLY;BYMONTHDAY=3", "every month on the 3rd", "pay rent"],
  ["invoice every last day of the month", "FREQ=MONTHLY;BYMONTHDAY=-1", "every last day of the month", "invoice"],
  ["invoice every month on the last day", "FREQ=MONTHLY;BYMONTHDAY=-1", "every last day of the month", "invoice"],
  ["invoice every 3 months on the last day", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1", "every 3 months on the last day", "invoice"],
  ["book club every 2nd tuesday", "FREQ=MONTHLY;BYDAY=2TU", "every 2nd Tuesday", "book club"],
  ["book club every second tuesday of the month", "FREQ=MONTHLY;BYDAY=2TU", "every 2nd Tuesday", "book club"],
  ["book club every first monday", "FREQ=MONTHLY;BYDAY=1MO", "every 1st Monday", "book club"],
  ["book club every last friday", "FREQ=MONTHLY;BYDAY=-1FR", "every last Friday", "book club"],
  ["book club every month on the 3rd thursday", "FREQ=MONTHLY;BYDAY=3TH", "every 3rd Thursday", "book club"],
  ["review every 3 months on the 2nd tuesday", "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU", "every 3 months on the 2nd Tuesday", "review"],
  ["birthday every year on march 3", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3", "every year on March 3", "birthday"],
  ["birthday every march 3", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3", "every year on March 3", "birthday"],
  ["birthday every 3rd of march", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3", "every year on March 3", "birthday"],
  ["birthday yearly on dec 24", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24", "every year on December 24", "birthday"],
  ["vitamins every day at 7am", "FREQ=DAILY;BYHOUR=7;BYMINUTE=0", "every day at 7am", "vitamins"],
  ["vitamins daily at 7am", "FREQ=DAILY;BYHOUR=7;BYMINUTE=0", "every day at 7am", "vitamins"],
  ["vitamins every day 19:30", "FREQ=DAILY;BYHOUR=19;BYMINUTE=30", "every day at 7:30pm", "vitamins"],
  ["standup every weekday at 9:15am", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=15", "every weekday at 9:15am", "standup"],
  ["team sync every monday 10am", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0", "every Monday at 10am", "team sync"],
  ["meditate every morning", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0", "every day at 9am", "meditate"],
  ["journal every evening", "FREQ=DAILY;BYHOUR=19;BYMINUTE=0", "every day at 7pm", "journal"],
  ["lunch every day at noon", "FREQ=DAILY;BYHOUR=12;BYMINUTE=0", "every day at 12pm", "lunch"],
  ["pills every day until dec 31", "FREQ=DAILY;UNTIL=20261231T235959Z", "every day until December 31, 2026", "pills"],
  ["pills every day till jan 15, 2027", "FREQ=DAILY;UNTIL=20270115T235959Z", "every day until January 15, 2027", "pills"],
  ["pills every day for 10 times", "FREQ=DAILY;COUNT=10", "every day for 10 times", "pills"],
  ["physio every week 5 times", "FREQ=WEEKLY;COUNT=5", "every week for 5 times", "physio"],
  ["physio every monday at 8am for 6 times", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=8;BYMINUTE=0;COUNT=6", "every Monday at 8am for 6 times", "physio"],
  ["haircut every! 4 weeks", "FREQ=WEEKLY;INTERVAL=4", "every 4 weeks after completion", "haircut"],
  ["haircut every 4 weeks after completion", "FREQ=WEEKLY;INTERVAL=4", "every 4 weeks after completion", "haircut"],
  ["clean filter every 3 months after it's done", "FREQ=MONTHLY;INTERVAL=3", "every 3 months after completion", "clean filter"],
  ["clean filter every! month", "FREQ=MONTHLY", "every month after completion", "clean filter"],
  ["gym every day at 7am starting dec 1 until dec 31", "FREQ=DAILY;BYHOUR=7;BYMINUTE=0;UNTIL=20261231T235959Z", "every day at 7am until December 31, 2026", "gym"],
];

function validated(rule: string, dtstart: string, timeZone: string) {
  const r = new RRuleTemporal({ rruleString: `DTSTART;TZID=${timeZone}:${dtstart}\nRRULE:${rule}`, strict: true });
  const printed = /RRULE:(.*)/.exec(r.toString())?.[1] ?? "";
  return { parts: printed.split(";").sort(), rule: r };
}

describe("recurrence", () => {
  it.each(ROWS)("%s", (input, rule, text, title) => {
    const r = parseQuickAdd(input, SAT);
    expect(r.recurrence).toEqual({ rule, text, from: /every!|after/.test(input) ? "completion" : "due" });
    if (title !== undefined) expect(r.title).toBe(title);
  });

  it.each(ROWS)("rrule-temporal accepts the rule of %s unchanged", (input) => {
    const rule = parseQuickAdd(input, SAT).recurrence!.rule;
    const v = validated(rule, "20261128T100000", "UTC");
    expect(v.parts).toEqual(rule.split(";").sort());
    expect(v.rule.next(new Date("2026-11-28T10:00:00Z"))).not.toBeNull();
  });

  it.each(ROWS)("the canonical text of %s reads back to the same rule", (input) => {
    const first = parseQuickAdd(input, SAT).recurrence!;
    const again = parseQuickAdd(`task ${first.text}`, SAT);
    expect(again.recurrence).toEqual(first);
    expect(again.title).toBe("task");
  });

  it("has many cases", () => expect(ROWS.length).toBeGreaterThanOrEqual(60));
});

describe("occurrences computed by rrule-temporal from the grammar's rules", () => {
  const next = (input: string, n: number, zone = "UTC", dtstart = "20261128T100000") => {
    const rule = parseQuickAdd(input, { ...SAT, timeZone: zone }).recurrence!.rule;
    return validated(rule, dtstart, zone)
      .rule.all((_, i) => i < n)
      .map((d) => d.toString().replace(/\[.*\]$/, ""));
  };
  it.each([
    ["every 2nd tuesday", ["2026-12-08T10:00:00+00:00", "2027-01-12T10:00:00+00:00", "2027-02-09T10:00:00+00:00"]],
    ["every last day of the month", ["2026-11-30T10:00:00+00:00", "2026-12-31T10:00:00+00:00", "2027-01-31T10:00:00+00:00", "2027-02-28T10:00:00+00:00"]],
    ["every weekday", ["2026-11-30T10:00:00+00:00", "2026-12-01T10:00:00+00:00", "2026-12-02T10:00:00+00:00"]],
    ["every year on march 3", ["2027-03-03T10:00:00+00:00", "2028-03-03T10:00:00+00:00"]],
    ["every mon, wed, fri", ["2026-11-30T10:00:00+00:00", "2026-12-02T10:00:00+00:00", "2026-12-04T10:00:00+00:00"]],
    ["every day for 3 times", ["2026-11-28T10:00:00+00:00", "2026-11-29T10:00:00+00:00", "2026-11-30T10:00:00+00:00"]],
  ])("%s", (input, expected) => expect(next(input, expected.length)).toEqual(expected));

  it("ends after COUNT occurrences", () => expect(next("every day for 3 times", 10)).toHaveLength(3));

  it("keeps 7:00 local across the spring and autumn switches", () => {
    expect(next("every day at 7am", 3, "Europe/Berlin", "20260328T070000")).toEqual([
      "2026-03-28T07:00:00+01:00", "2026-03-29T07:00:00+02:00", "2026-03-30T07:00:00+02:00",
    ]);
    expect(next("every day at 7am", 3, "America/New_York", "20261031T070000")).toEqual([
      "2026-10-31T07:00:00-04:00", "2026-11-01T07:00:00-05:00", "2026-11-02T07:00:00-05:00",
    ]);
    expect(next("every day at 7am", 2, "Asia/Kolkata", "20261128T070000")).toEqual(["2026-11-28T07:00:00+05:30", "2026-11-29T07:00:00+05:30"]);
  });

  it("stops at UNTIL, the end of the local day", () => {
    const all = next("every day at 7am until dec 31", 50, "Europe/Berlin", "20261229T070000");
    expect(all).toEqual(["2026-12-29T07:00:00+01:00", "2026-12-30T07:00:00+01:00", "2026-12-31T07:00:00+01:00"]);
  });
});

describe("recurrence modifiers", () => {
  it("uses 'starting' as the first due date, with the recurrence's time", () => {
    const r = parseQuickAdd("gym every day at 7am starting dec 1", SAT);
    expect(r.due).toEqual({ date: "2026-12-01", time: "07:00", at: "2026-12-01T07:00:00Z" });
    expect(parseQuickAdd("bins every monday starting next week", SAT).due?.date).toBe("2026-11-30");
    expect(parseQuickAdd("bins every monday from dec 7", SAT).due?.date).toBe("2026-12-07");
  });

  it("leaves the due date empty without a start: the first occurrence is the server's to compute", () => {
    expect(parseQuickAdd("gym every monday", SAT).due).toBeNull();
  });

  it("gives an explicit due date the recurrence's time when it has none", () => {
    expect(parseQuickAdd("vitamins tomorrow every day at 7am", SAT).due).toEqual({ date: "2026-11-29", time: "07:00", at: "2026-11-29T07:00:00Z" });
  });
});

describe("not recurrences", () => {
  it.each(["Read every book", "every", "each person brings food", "Write weekly report", "monthly report review", "everyday items", "every now and then"])("%s", (input) => {
    const r = parseQuickAdd(input, SAT);
    expect(r.recurrence).toBeNull();
    expect(r.title).toBe(input);
  });
});
