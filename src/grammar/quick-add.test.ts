/** Whole quick-add lines, the spans they report, leaving phrases in the title, and properties over random input. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateOrderFor, findDue, parseQuickAdd, titleWithout, type GrammarContext } from "./index.ts";

const SAT: GrammarContext = { now: new Date("2026-11-28T10:00:00Z"), timeZone: "UTC" };

describe("whole lines", () => {
  it("buy milk tomorrow 9am #errands !high", () => {
    expect(parseQuickAdd("buy milk tomorrow 9am #errands !high", SAT)).toEqual({
      title: "buy milk",
      due: { date: "2026-11-29", time: "09:00", at: "2026-11-29T09:00:00Z" },
      recurrence: null,
      reminders: [],
      list: "errands",
      section: null,
      labels: [],
      priority: "high",
      spans: [
        { kind: "due", start: 9, end: 21, text: "tomorrow 9am", value: { date: "2026-11-29", time: "09:00" } },
        { kind: "list", start: 22, end: 30, text: "#errands", value: "errands" },
        { kind: "priority", start: 31, end: 36, text: "!high", value: "high" },
      ],
    });
  });

  it.each([
    ["Call mom tonight", { title: "Call mom", due: "2026-11-28T22:00:00Z" }],
    ["pay rent every month on the 15th #home p2", { title: "pay rent", rule: "FREQ=MONTHLY;BYMONTHDAY=15", list: "home", priority: "medium" }],
    ["standup every weekday at 9:15am /Daily @work", { title: "standup", rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=15", section: "Daily", labels: ["work"] }],
    ["dentist dec 10 at 3pm remind me 1 hour before #health", { title: "dentist", due: "2026-12-10T15:00:00Z", reminders: [{ before_minutes: 60 }], list: "health" }],
    ["Send invoice to ACME by next monday 10am, urgent", { title: "Send invoice to ACME", due: "2026-11-30T10:00:00Z", priority: "high" }],
    ["p1 @home fix the boiler tomorrow", { title: "fix the boiler", due: "2026-11-29T23:59:59Z", priority: "high", labels: ["home"] }],
    ["read 'Every Day' tonight", { title: "read 'Every Day'", due: "2026-11-28T22:00:00Z" }],
  ] as const)("%s", (input, want) => {
    const r = parseQuickAdd(input, SAT);
    const w = want as Record<string, unknown>;
    expect(r.title).toBe(w.title);
    if ("due" in w) expect(r.due?.at).toBe(w.due);
    if ("rule" in w) expect(r.recurrence?.rule).toBe(w.rule);
    if ("list" in w) expect(r.list).toBe(w.list);
    if ("section" in w) expect(r.section).toBe(w.section);
    if ("labels" in w) expect(r.labels).toEqual(w.labels);
    if ("priority" in w) expect(r.priority).toBe(w.priority);
    if ("reminders" in w) expect(r.reminders).toEqual(w.reminders);
  });

  it("returns an empty title when the line is only shorthand", () => {
    expect(parseQuickAdd("tomorrow #errands p1", SAT).title).toBe("");
  });
});

describe("leaving phrases in the title", () => {
  it("keeps an ignored span's words in the title and drops its meaning", () => {
    const r = parseQuickAdd("Call mom tonight #family", SAT, { ignore: (s) => s.kind === "due" });
    expect(r.title).toBe("Call mom tonight");
    expect(r.due).toBeNull();
    expect(r.list).toBe("family");
  });

  it("lets a later phrase of the same kind take over when the first is ignored", () => {
    const r = parseQuickAdd("fix it p1 p3", SAT, { ignore: (s) => s.text === "p1" });
    expect(r).toMatchObject({ title: "fix it p1", priority: "low" });
  });

  it("does not reread the words of an ignored recurrence as a date", () => {
    const r = parseQuickAdd("pay rent every monday at 9am", SAT, { ignore: (s) => s.kind === "recurrence" });
    expect(r).toMatchObject({ title: "pay rent every monday at 9am", due: null, recurrence: null });
  });

  it("titleWithout cuts spans and tidies the separators", () => {
    const text = "fix bike, low priority, tag: weekend";
    expect(titleWithout(text, parseQuickAdd(text, SAT).spans)).toBe("fix bike");
    expect(titleWithout("  a   b ", [])).toBe("a b");
  });
});

describe("findDue", () => {
  it("finds only the due date, with its spans", () => {
    const f = findDue("push the report to friday 5pm #work", SAT);
    expect(f?.due.at).toBe("2026-12-04T17:00:00Z");
    expect(f?.spans.map((s) => s.text)).toEqual(["friday 5pm"]);
    expect(findDue("every monday", SAT)).toBeNull();
    expect(findDue("nothing here", SAT)).toBeNull();
  });
});

describe("dateOrderFor", () => {
  it.each([
    ["en-US", "mdy"],
    ["en-GB", "dmy"],
    ["de-DE", "dmy"],
    ["fr", "dmy"],
    ["ja-JP", "mdy"],
    ["not a locale!", "mdy"],
    [undefined, "mdy"],
  ] as const)("%s → %s", (locale, order) => {
    // ja-JP writes y/m/d: month before day, like mdy.
    if (locale === undefined) expect(["mdy", "dmy"]).toContain(dateOrderFor(locale));
    else expect(dateOrderFor(locale)).toBe(order);
  });
});

describe("properties", () => {
  const WORDS = [
    "buy", "milk", "call", "mom", "tomorrow", "tonight", "9am", "14:30", "at", "on", "friday", "sat", "next", "in", "2", "hours",
    "days", "#errands", '#"Big Project"', "@home", "/Design", "p1", "p4", "!high", "high", "priority", "urgent", ",", ":", "every",
    "monday", "day", "month", "on the 15th", "until", "dec 31", "for", "3", "times", "remind me", "before", "30 minutes", "'quoted words'",
    "\"x y\"", "the", "10th", "5/12", "and", "tagged", "work", "every!", "after completion", "starting", "end of month", "é", "🙂",
  ];
  const line = fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }).map((w) => w.join(" "));
  const zone = fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham");
  const now = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true });

  it("reports spans that are ordered, disjoint and copied from the input", () => {
    fc.assert(
      fc.property(fc.oneof(line, fc.string({ maxLength: 120 })), zone, now, (text, timeZone, at) => {
        const r = parseQuickAdd(text, { now: at, timeZone });
        let last = 0;
        for (const s of r.spans) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(text.slice(s.start, s.end)).toBe(s.text);
          last = s.end;
        }
        expect(r.title).toBe(titleWithout(text, r.spans));
        expect(r.title.length).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 400 },
    );
  });

  it("gives well-formed values", () => {
    fc.assert(
      fc.property(line, zone, now, (text, timeZone, at) => {
        const r = parseQuickAdd(text, { now: at, timeZone });
        if (r.due) {
          expect(r.due.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (r.due.time) expect(r.due.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
          expect(Number.isNaN(Date.parse(r.due.at))).toBe(false);
          expect(r.due.at.slice(0, 10)).toBe(r.due.date);
        }
        if (r.recurrence) expect(r.recurrence.rule).toMatch(/^FREQ=(HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[-\w,]+)*$/);
        for (const l of r.labels) expect(l).toMatch(/^[\p{Ll}\p{Lo}\p{N}_-]+$/u);
        for (const rem of r.reminders) expect("at" in rem ? !Number.isNaN(Date.parse(rem.at)) : rem.before_minutes >= 0).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("ignoring every span gives back the input with its spaces collapsed", () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(parseQuickAdd(text, SAT, { ignore: () => true }).title).toBe(text.replace(/\s+/g, " ").trim());
      }),
    );
  });

  it("never leaves an understood phrase's exact text in a title made only of phrases", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("tomorrow 9am", "#errands", "@home", "p2", "every monday", "remind me 30 minutes before", "/Design"), { minLength: 1, maxLength: 7 }), (parts) => {
        const distinct = [...new Set(parts)];
        expect(parseQuickAdd(["buy milk", ...distinct].join(" "), SAT).title).toBe("buy milk");
      }),
    );
  });
});
