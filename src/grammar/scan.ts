/**
 * The scanner: walks the text word by word and, at each word start, tries the
 * rules from the most specific to the most general. Quoted text ("…", “…”, '…')
 * is never read, so a quoted title keeps its date words.
 *
 * One of each: the first due phrase wins (a later time or date may complete it:
 * "tomorrow #errands 9am"), the first priority, recurrence and section win; a
 * second `#name` is read as a label (one list per task). Whatever is not taken
 * stays in the title, where the user sees it.
 */
import { duePhrase } from "./dates.ts";
import { recurrencePhrase } from "./recurrence.ts";
import { reminderPhrase } from "./reminders.ts";
import { LABEL_MAX, labelPhrase, labelToken, priorityPhrase, priorityToken, priorityWord, sigilName } from "./symbols.ts";
import type { GrammarContext, Span } from "./types.ts";
import { matchAt, rx } from "./regex.ts";

export interface ScanOptions {
  /** Spans to leave in the title (a removed chip, or something the caller cannot save). */
  ignore?: (span: Span) => boolean;
}

/** At most this many reminders per task (the task contract's limit). */
export const REMINDERS_MAX = 5;

type Candidate = Omit<Span, "start" | "end" | "text"> & { end: number };

function quoted(text: string, pos: number): number | null {
  const m = matchAt(rx`"[^"\\n]+"|“[^”\\n]+”|‘[^’\\n]+’(?=$|[\\s,.;:!?])|'[^'\\n]+'(?=$|[\\s,.;:!?])`, text, pos);
  return m ? pos + m[0].length : null;
}

function candidate(text: string, pos: number, ctx: GrammarContext): Candidate | null {
  const list = sigilName(text, pos, "#", ctx.lists);
  if (list) return { kind: "list", value: list.name, end: list.end };
  const section = sigilName(text, pos, "/", ctx.sections);
  if (section) return { kind: "section", value: section.name, end: section.end };
  const label = labelToken(text, pos) ?? labelPhrase(text, pos);
  if (label) return { kind: "label", value: label.labels, end: label.end };
  const prio = priorityToken(text, pos) ?? priorityPhrase(text, pos);
  if (prio) return { kind: "priority", value: prio.priority, end: prio.end };
  const reminder = reminderPhrase(text, pos, ctx);
  if (reminder) return { kind: "reminder", value: reminder.value, end: reminder.end };
  const rec = recurrencePhrase(text, pos, ctx);
  if (rec) return { kind: "recurrence", value: rec.value, end: rec.end };
  const due = duePhrase(text, pos, ctx);
  return due ? { kind: "due", value: due.part, end: due.end } : null;
}

const isWordStart = (text: string, i: number) => !/\s/.test(text[i]!) && (i === 0 || /[\s([{,;]/.test(text[i - 1]!));

interface State {
  spans: Span[];
  has: Set<string>;
  due?: { date: boolean; time: boolean };
  reminders: number;
}

/** Whether a found phrase is taken, by the one-of-each rules; a second #name turns into a label. */
function admit(c: Span, s: State): Span | null {
  if (c.kind === "list" && s.has.has("list")) {
    const label = c.value.toLowerCase();
    // Only a name that is also a valid label ("#home", not `#"Big Project"`).
    return label.length <= LABEL_MAX && /^[\p{L}\p{N}_-]+$/u.test(label) ? { ...c, kind: "label", value: [label] } : null;
  }
  if (c.kind === "due") {
    const part = c.value;
    if (!s.due) return c;
    const date = part.date !== undefined || part.instant !== undefined;
    const time = part.time !== undefined || part.instant !== undefined;
    // Only a missing half completes an earlier phrase.
    return (date && !time && !s.due.date) || (time && !date && !s.due.time) ? c : null;
  }
  if (c.kind === "reminder") return s.reminders < REMINDERS_MAX ? c : null;
  if (c.kind === "label") return c;
  return s.has.has(c.kind) ? null : c;
}

function record(span: Span, s: State) {
  s.spans.push(span);
  s.has.add(span.kind);
  if (span.kind === "reminder") s.reminders++;
  if (span.kind === "due") {
    const p = span.value;
    const exact = p.instant !== undefined;
    s.due = { date: (s.due?.date ?? false) || exact || p.date !== undefined, time: (s.due?.time ?? false) || exact || p.time !== undefined };
  }
}

export function scan(text: string, ctx: GrammarContext, options: ScanOptions = {}): Span[] {
  const s: State = { spans: [], has: new Set(), reminders: 0 };
  const protectedRanges: [number, number][] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordStart(text, i)) {
      i++;
      continue;
    }
    const q = quoted(text, i);
    if (q !== null) {
      protectedRanges.push([i, q]);
      i = q;
      continue;
    }
    const c = candidate(text, i, ctx);
    if (c) {
      const { end, ...rest } = c;
      const span = admit({ ...rest, start: i, end, text: text.slice(i, end) } as Span, s);
      if (span && !options.ignore?.(span)) record(span, s);
      // Taken or not, the phrase is read as a whole: its words are not reread one by one.
      i = end;
      continue;
    }
    i++;
  }
  if (!s.has.has("priority")) priorityWords(text, s, protectedRanges, options);
  return s.spans.sort((a, b) => a.start - b.start);
}

/** Second pass: "urgent:", "…, asap" judged on the text without the phrases already taken. */
function priorityWords(text: string, s: State, protectedRanges: [number, number][], options: ScanOptions) {
  let masked = text;
  for (const sp of s.spans) masked = masked.slice(0, sp.start) + " ".repeat(sp.end - sp.start) + masked.slice(sp.end);
  for (let i = 0; i < masked.length; i++) {
    if (!isWordStart(masked, i) || protectedRanges.some(([a, b]) => i >= a && i < b)) continue;
    const w = priorityWord(masked, i);
    if (!w) continue;
    const span: Span = { kind: "priority", value: w.priority, start: i, end: w.end, text: text.slice(i, w.end) };
    if (options.ignore?.(span)) continue;
    record(span, s);
    return;
  }
}
