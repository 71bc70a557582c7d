/**
 * Dates and times in plain words. Fixed clock: Saturday 2026-11-28 10:00 UTC.
 * Each row: input, expected due date, expected time (undefined = date only, null =
 * no due date at all), expected title.
 */
import { describe, expect, it } from "vitest";
import { parseDuration, parseQuickAdd, type GrammarContext } from "./index.ts";

const SAT: GrammarContext = { now: new Date("2026-11-28T10:00:00Z"), timeZone: "UTC" };

type Row = [input: string, date: string | null, time: string | undefined, title: string];

const ROWS: Row[] = [
  // Relative days
  ["buy milk today", "2026-11-28", undefined, "buy milk"],
  ["buy milk tomorrow", "2026-11-29", undefined, "buy milk"],
  ["buy milk tmrw", "2026-11-29", undefined, "buy milk"],
  ["call mom tonight", "2026-11-28", "22:00", "call mom"],
  ["send report this evening", "2026-11-28", "19:00", "send report"],
  ["send report tomorrow morning", "2026-11-29", "09:00", "send report"],
  ["dinner tomorrow night", "2026-11-29", "22:00", "dinner"],
  ["gym tomorrow afternoon", "2026-11-29", "15:00", "gym"],
  ["the day after tomorrow: gym", "2026-11-30", undefined, "gym"],
  ["what did I do yesterday", "2026-11-27", undefined, "what did I do"],
  // Weekdays: the next one, today included; "next" never today
  ["pay rent on friday", "2026-12-04", undefined, "pay rent"],
  ["pay rent friday", "2026-12-04", undefined, "pay rent"],
  ["pay rent fri", "2026-12-04", undefined, "pay rent"],
  ["pay rent next fri", "2026-12-04", undefined, "pay rent"],
  ["pay rent this Friday", "2026-12-04", undefined, "pay rent"],
  ["groceries saturday", "2026-11-28", undefined, "groceries"],
  ["groceries this saturday", "2026-11-28", undefined, "groceries"],
  ["groceries next saturday", "2026-12-05", undefined, "groceries"],
  ["Friday drinks with the team", "2026-12-04", undefined, "drinks with the team"],
  ["standup monday 9:15am", "2026-11-30", "09:15", "standup"],
  ["meet on sat", "2026-11-28", undefined, "meet"],
  ["meet sun 10am", "2026-11-29", "10:00", "meet"],
  ["dentist sat", "2026-11-28", undefined, "dentist"],
  ["fri, dec 11 party", "2026-12-11", undefined, "party"],
  ["friday evening at 7 concert", "2026-12-04", "19:00", "concert"],
  // Amounts from now
  ["review in 3 days", "2026-12-01", undefined, "review"],
  ["review in a week", "2026-12-05", undefined, "review"],
  ["in 2 weeks: dentist", "2026-12-12", undefined, "dentist"],
  ["renew in 1 month", "2026-12-28", undefined, "renew"],
  ["renew in two months", "2027-01-28", undefined, "renew"],
  ["check in a year", "2027-11-28", undefined, "check"],
  ["call back in 2 hours", "2026-11-28", "12:00", "call back"],
  ["call back in 45 minutes", "2026-11-28", "10:45", "call back"],
  ["call back in half an hour", "2026-11-28", "10:30", "call back"],
  ["stretch in an hour", "2026-11-28", "11:00", "stretch"],
  ["follow up 3 days from now", "2026-12-01", undefined, "follow up"],
  ["Review PR 42 in 2 hours", "2026-11-28", "12:00", "Review PR 42"],
  // Calendar dates, forward-dated when the year is left out
  ["party dec 5", "2026-12-05", undefined, "party"],
  ["party December 5th", "2026-12-05", undefined, "party"],
  ["party 5 dec", "2026-12-05", undefined, "party"],
  ["party 5th of december", "2026-12-05", undefined, "party"],
  ["party on the 5th of December", "2026-12-05", undefined, "party"],
  ["party dec 5, 2027", "2027-12-05", undefined, "party"],
  ["party december 5 2027", "2027-12-05", undefined, "party"],
  ["taxes nov 1", "2027-11-01", undefined, "taxes"],
  ["taxes nov 28", "2026-11-28", undefined, "taxes"],
  ["Quarterly taxes due January 15", "2027-01-15", undefined, "Quarterly taxes"],
  ["leap day feb 29", "2028-02-29", undefined, "leap day"],
  ["call bob 5/12", "2027-05-12", undefined, "call bob"],
  ["dentist on 12/10 at 3pm", "2026-12-10", "15:00", "dentist"],
  ["xmas 25/12", "2026-12-25", undefined, "xmas"],
  ["xmas 12/24/2026", "2026-12-24", undefined, "xmas"],
  ["xmas 12/24/27", "2027-12-24", undefined, "xmas"],
  ["xmas 2026-12-24", "2026-12-24", undefined, "xmas"],
  ["rent the 10th", "2026-12-10", undefined, "rent"],
  ["rent on the 28th", "2026-11-28", undefined, "rent"],
  ["rent the 27th", "2026-12-27", undefined, "rent"],
  ["rent the 31st", "2026-12-31", undefined, "rent"],
  // Periods
  ["invoice end of month", "2026-11-30", undefined, "invoice"],
  ["invoice by the end of the month", "2026-11-30", undefined, "invoice"],
  ["invoice eom", "2026-11-30", undefined, "invoice"],
  ["invoice end of week", "2026-12-04", undefined, "invoice"],
  ["invoice end of year", "2026-12-31", undefined, "invoice"],
  ["invoice end of next month", "2026-12-31", undefined, "invoice"],
  ["plan next week", "2026-11-30", undefined, "plan"],
  ["plan next month", "2026-12-01", undefined, "plan"],
  ["plan next year", "2027-01-01", undefined, "plan"],
  ["hike this weekend", "2026-11-28", undefined, "hike"],
  ["hike next weekend", "2026-12-05", undefined, "hike"],
  ["hike on the weekend", "2026-11-28", undefined, "hike"],
  // Times: a time alone is the next time the clock shows it (10:00 now)
  ["stretch 9am", "2026-11-29", "09:00", "stretch"],
  ["stretch 10am", "2026-11-29", "10:00", "stretch"],
  ["stretch 11 am", "2026-11-28", "11:00", "stretch"],
  ["stretch at 9:30pm", "2026-11-28", "21:30", "stretch"],
  ["stretch 9.30 p.m.", "2026-11-28", "21:30", "stretch"],
  ["stretch 14:30", "2026-11-28", "14:30", "stretch"],
  ["stretch at noon", "2026-11-28", "12:00", "stretch"],
  ["stretch 12am", "2026-11-29", "00:00", "stretch"],
  ["stretch 12pm", "2026-11-28", "12:00", "stretch"],
  ["file it by midnight", "2026-11-28", "23:59", "file it"],
  ["read in the evening", "2026-11-28", "19:00", "read"],
  // Date and time in either order, with or without connectors
  ["buy milk tomorrow 9am", "2026-11-29", "09:00", "buy milk"],
  ["buy milk 9am tomorrow", "2026-11-29", "09:00", "buy milk"],
  ["buy milk tomorrow at 9am", "2026-11-29", "09:00", "buy milk"],
  ["buy milk at 9am tomorrow", "2026-11-29", "09:00", "buy milk"],
  ["buy milk tomorrow, 9am", "2026-11-29", "09:00", "buy milk"],
  ["sync friday at 14:30", "2026-12-04", "14:30", "sync"],
  ["lunch dec 5 at noon", "2026-12-05", "12:00", "lunch"],
  ["call at 5pm on friday", "2026-12-04", "17:00", "call"],
  ["call fri @ 5pm", "2026-12-04", "17:00", "call"],
  ["send invoice by next monday 10am", "2026-11-30", "10:00", "send invoice"],
  ["report due friday", "2026-12-04", undefined, "report"],
  ["report due on friday", "2026-12-04", undefined, "report"],
  ["report due in 3 days", "2026-12-01", undefined, "report"],
  ["report before dec 10", "2026-12-10", undefined, "report"],
  ["report no later than dec 3", "2026-12-03", undefined, "report"],
  ["slides for monday", "2026-11-30", undefined, "slides"],
  ["tomorrow morning at 8 run", "2026-11-29", "08:00", "run"],
  // A later half completes an earlier phrase; a second full date stays in the title
  ["tomorrow #x 9am", "2026-11-29", "09:00", ""],
  ["9am buy milk on friday", "2026-12-04", "09:00", "buy milk"],
  ["call tomorrow or friday", "2026-11-29", undefined, "call or friday"],
  // Not dates: words that are part of a title, and guesses we refuse to make
  ["Plan May trip", null, undefined, "Plan May trip"],
  ["buy 1/2 lb butter", null, undefined, "buy 1/2 lb butter"],
  ["Read 1984", null, undefined, "Read 1984"],
  ["dinner at 7", null, undefined, "dinner at 7"],
  ["Call Tom", null, undefined, "Call Tom"],
  ["Buy sun cream", null, undefined, "Buy sun cream"],
  ["sat nav repair", null, undefined, "sat nav repair"],
  ["Room 101 cleanup", null, undefined, "Room 101 cleanup"],
  ["upgrade to version 2.10", null, undefined, "upgrade to version 2.10"],
  ["fix /etc/hosts", null, undefined, "fix /etc/hosts"],
  ["read in the news", null, undefined, "read in the news"],
  ["a monthly budget", null, undefined, "a monthly budget"],
  ["party feb 30", null, undefined, "party feb 30"],
  // A date without a time after "at 8" keeps "at 8" in the title: no am/pm guess
  ["call tomorrow at 8", "2026-11-29", undefined, "call at 8"],
  // Quoted text is never read
  ['"Call mom tonight"', null, undefined, '"Call mom tonight"'],
  ["Read 'Tomorrow and tomorrow' by friday", "2026-12-04", undefined, "Read 'Tomorrow and tomorrow'"],
  ["Watch “Friday Night Lights” tomorrow", "2026-11-29", undefined, "Watch “Friday Night Lights”"],
];

describe("due dates in plain words", () => {
  it.each(ROWS)("%s", (input, date, time, title) => {
    const r = parseQuickAdd(input, SAT);
    expect(r.title).toBe(title);
    if (date === null) {
      expect(r.due).toBeNull();
      return;
    }
    expect(r.due?.date).toBe(date);
    expect(r.due?.time).toBe(time);
  });

  it("has many cases", () => expect(ROWS.length).toBeGreaterThan(100));
});

describe("the due instant", () => {
  it.each([
    ["tomorrow 9am", "2026-11-29T09:00:00Z"],
    ["on friday", "2026-12-04T23:59:59Z"],
    ["in 2 hours", "2026-11-28T12:00:00Z"],
    ["dec 5 at noon", "2026-12-05T12:00:00Z"],
  ])("%s → %s", (input, at) => expect(parseQuickAdd(input, SAT).due?.at).toBe(at));

  it("drops the seconds of now for amounts of time", () => {
    expect(parseQuickAdd("in 10 minutes", { ...SAT, now: new Date("2026-11-28T10:00:42.5Z") }).due?.at).toBe("2026-11-28T10:10:00Z");
  });
});

describe("numeric dates follow the locale's order", () => {
  const dmy: GrammarContext = { ...SAT, dateOrder: "dmy" };
  it.each([
    ["5/12", "mdy", "2027-05-12"],
    ["5/12", "dmy", "2026-12-05"],
    ["12/5", "dmy", "2027-05-12"],
    ["25/12", "mdy", "2026-12-25"],
    ["12/25", "dmy", "2026-12-25"],
    ["24.12.2026", "dmy", "2026-12-24"],
    ["24.12.", "dmy", "2026-12-24"],
  ] as const)("%s (%s) → %s", (input, order, date) => {
    expect(parseQuickAdd(`party ${input}`, order === "dmy" ? dmy : SAT).due?.date).toBe(date);
  });

  it("reads dots as a date only in day-first locales", () => {
    expect(parseQuickAdd("party 24.12.2026", SAT).due).toBeNull();
  });

  it("rejects impossible dates in both orders", () => {
    expect(parseQuickAdd("party 13/13", SAT).due).toBeNull();
    expect(parseQuickAdd("party 2026-02-30", SAT).due).toBeNull();
  });
});

describe("durations (shifting a date)", () => {
  it.each([
    ["a day", { amount: 1, unit: "day" }],
    ["an hour", { amount: 1, unit: "hour" }],
    ["2 weeks", { amount: 2, unit: "week" }],
    ["three months", { amount: 3, unit: "month" }],
    ["30 mins", { amount: 30, unit: "minute" }],
  ])("%s", (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });
  it("is only a whole phrase", () => {
    expect(parseDuration("next monday")).toBeNull();
    expect(parseDuration("a day or two")).toBeNull();
    expect(parseDuration("0 days")).toBeNull();
  });
});
