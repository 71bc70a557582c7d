/** From the understood spans to the result: the due date, reminders resolved against it, and the title that remains. */
import type { Due, DuePart, GrammarContext, QuickAdd, Reminder, Span } from "./types.ts";
import { instantOf, nextTimeOfDay, parseHm, parseYmd, toDue, zonedIso } from "./zoned.ts";

function combine(parts: DuePart[]): DuePart | null {
  let out: DuePart | null = null;
  for (const p of parts) {
    if (!out) out = { ...p };
    else if (p.date && !out.date && out.instant === undefined) out.date = p.date;
    else if (p.time && !out.time && out.instant === undefined) out.time = p.time;
  }
  return out;
}

function resolveDue(spans: Span[], ctx: GrammarContext): Due | null {
  const part = combine(spans.flatMap((s) => (s.kind === "due" ? [s.value] : [])));
  const rec = spans.find((s) => s.kind === "recurrence");
  const recTime = rec?.kind === "recurrence" ? /BYHOUR=(\d+);BYMINUTE=(\d+)/.exec(rec.value.recurrence.rule) : null;
  let chosen = part ?? (rec?.kind === "recurrence" ? (rec.value.starting ?? null) : null);
  if (!chosen) return null;
  // A time said with the recurrence ("every day at 7am") is the due time too.
  if (recTime && chosen.instant === undefined && !chosen.time) chosen = { ...chosen, time: `${recTime[1]!.padStart(2, "0")}:${recTime[2]!.padStart(2, "0")}` };
  // A time alone ("9am") is the next time the clock shows it.
  if (!chosen.date && chosen.instant === undefined && chosen.time) chosen = { ...chosen, date: nextTimeOfDay(chosen.time, ctx) };
  return toDue(chosen, ctx);
}

function resolveReminder(s: Extract<Span, { kind: "reminder" }>, due: Due | null, ctx: GrammarContext): Reminder {
  const v = s.value;
  if ("before_minutes" in v) return { before_minutes: v.before_minutes };
  if ("instant" in v) return { at: zonedIso(new Date(v.instant), ctx) };
  const [h, m] = parseHm(v.time);
  const date = v.date ?? due?.date ?? nextTimeOfDay(v.time, ctx);
  return { at: zonedIso(instantOf(parseYmd(date), h, m, 0, ctx), ctx) };
}

const EDGE = /^[\s,;:\-–—]+|[\s,;:\-–—]+$/g;

/**
 * The input without its spans. Separators left around a cut collapse to one
 * (a comma if there was one), and a cut at either end takes its dangling
 * punctuation with it: "report, high priority" → "report".
 */
export function titleWithout(text: string, spans: readonly Span[]): string {
  if (!spans.length) return text.replace(/\s+/g, " ").trim();
  const pieces: string[] = [];
  let pos = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    pieces.push(text.slice(pos, s.start));
    pos = Math.max(pos, s.end);
  }
  pieces.push(text.slice(pos));
  let out = pieces[0]!;
  for (let i = 1; i < pieces.length; i++) {
    const left = out.replace(/[\s,;]+$/, "");
    const right = pieces[i]!.replace(/^[\s,;]+/, "");
    const comma = /,\s*$/.test(out) || /^\s*,/.test(pieces[i]!);
    // Sentence punctuation after a cut sticks to the word before it: "buy milk #errands." → "buy milk."
    const glue = /^[.!?)]+(?:\s|$)/.test(right) ? "" : " ";
    out = left && right ? `${left}${comma && glue ? "," : ""}${glue}${right}` : left || right;
  }
  return out.replace(/\s+/g, " ").replace(EDGE, "").trim();
}

export function assemble(text: string, spans: Span[], ctx: GrammarContext): QuickAdd {
  const due = resolveDue(spans, ctx);
  const labels: string[] = [];
  let list: string | null = null;
  let section: string | null = null;
  let priority: QuickAdd["priority"] = null;
  let recurrence: QuickAdd["recurrence"] = null;
  const reminders: Reminder[] = [];
  for (const s of spans) {
    if (s.kind === "label") for (const l of s.value) if (!labels.includes(l)) labels.push(l);
    if (s.kind === "list") list ??= s.value;
    if (s.kind === "section") section ??= s.value;
    if (s.kind === "priority") priority ??= s.value;
    if (s.kind === "recurrence") recurrence ??= s.value.recurrence;
    if (s.kind === "reminder") reminders.push(resolveReminder(s, due, ctx));
  }
  return { title: titleWithout(text, spans), due, recurrence, reminders, list, section, labels, priority, spans };
}
