/**
 * Todoist's shorthand and its plain-word equivalents: `#List` (or `#"Big
 * Project"`), `/Section`, `@label`, `p1`–`p4`, `!high`; "high priority",
 * "priority: low"; "tagged home, work", "tags: x", "tag it x".
 */
import type { Priority } from "../contracts/task.ts";
import { END, matchAt, rx } from "./regex.ts";
import { PRIORITY_WORDS, P_LEVELS } from "./words.ts";

export const NAME_MAX = 100;
export const LABEL_MAX = 40;
const WORD = "\\p{L}[\\p{L}\\p{N}_\\-]*";
/** A shorthand name ends at a space, the end, or sentence punctuation, never inside a path ("/etc/hosts"). */
const NAME_END = "(?=$|\\s|[,;.!?)](?:\\s|$))";

export interface NameMatch {
  end: number;
  name: string;
}

/** `#Name`, `#"Two words"`, or the longest known name that follows the sigil (case-insensitive). */
export function sigilName(text: string, pos: number, sigil: "#" | "/", known: readonly string[] = []): NameMatch | null {
  if (text[pos] !== sigil) return null;
  const esc = sigil === "/" ? "\\/" : "#";
  const quoted = matchAt(rx`${esc}(?:"([^"\\n]{1,${NAME_MAX}})"|“([^”\\n]{1,${NAME_MAX}})”)`, text, pos);
  if (quoted) {
    const name = (quoted[1] ?? quoted[2])!.trim().replace(/\s+/g, " ");
    return name ? { end: pos + quoted[0].length, name } : null;
  }
  const after = text.slice(pos + 1);
  let best: NameMatch | null = null;
  for (const k of known) {
    if (k.length > (best?.name.length ?? 0) && after.toLowerCase().startsWith(k.toLowerCase()) && matchAt(NAME_END, after, k.length))
      best = { end: pos + 1 + k.length, name: k };
  }
  if (best) return best;
  const m = matchAt(rx`${esc}(${WORD})${NAME_END}`, text, pos);
  return m && m[1]!.length <= NAME_MAX ? { end: pos + m[0].length, name: m[1]! } : null;
}

export function labelToken(text: string, pos: number): { end: number; labels: string[] } | null {
  const m = matchAt(rx`@(${WORD})${NAME_END}`, text, pos);
  return m && m[1]!.length <= LABEL_MAX ? { end: pos + m[0].length, labels: [m[1]!.toLowerCase()] } : null;
}

const LABEL_ITEM = "[#@]?[\\p{L}\\p{N}][\\p{L}\\p{N}_\\-]*";
const LABEL_LIST = `${LABEL_ITEM}(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*)${LABEL_ITEM})*`;

/** "tagged home, work", "labelled x", "tags: a, b", "tag it x". */
export function labelPhrase(text: string, pos: number): { end: number; labels: string[] } | null {
  const m = matchAt(rx`(?:(?:tagged|labell?ed)(?:\\s+(?:with|as))?\\s+|(?:tags?|labels?)\\s*:\\s*|tag\\s+it(?:\\s+(?:with|as))?\\s+)(${LABEL_LIST})${END}`, text, pos);
  if (!m) return null;
  const labels = labelList(m[1]!);
  return labels.length ? { end: pos + m[0].length, labels } : null;
}

/** "home, work and errands" → ["home", "work", "errands"] (also used by the assistant's tag edits). */
export function labelList(text: string): string[] {
  const out = text
    .split(/\s*(?:,|\band\b|&|\s)\s*/i)
    .map((t) => t.replace(/^[#@]/, "").toLowerCase())
    .filter((t) => t.length > 0 && t.length <= LABEL_MAX && /^[\p{L}\p{N}_-]+$/u.test(t) && !["tag", "tags", "the", "with", "as", "and"].includes(t));
  return [...new Set(out)];
}

/** `p1`–`p4`, `!high` / `!medium` / `!med` / `!low` / `!none` (and `!urgent`, `!important` for high). */
export function priorityToken(text: string, pos: number): { end: number; priority: Priority } | null {
  const p = matchAt(rx`p([1-4])${END}`, text, pos);
  if (p) return { end: pos + p[0].length, priority: P_LEVELS[p[1]!]! };
  const bang = matchAt(rx`!(high|medium|med|low|none|urgent|important)${END}`, text, pos);
  return bang ? { end: pos + bang[0].length, priority: PRIORITY_WORDS[bang[1]!.toLowerCase()]! } : null;
}

/** "high priority", "with low priority", "a high-priority", "priority: medium", "priority high". */
export function priorityPhrase(text: string, pos: number): { end: number; priority: Priority } | null {
  const m =
    matchAt(rx`(?:(?:with|as|at)\\s+)?(?:an?\\s+)?(high|medium|low|top|normal)[\\s-]+prio(?:rity)?${END}`, text, pos) ??
    matchAt(rx`prio(?:rity)?\\s*(?:[:=]|\\s+is)?\\s*(high|medium|low|none|top|normal|urgent)${END}`, text, pos);
  return m ? { end: pos + m[0].length, priority: PRIORITY_WORDS[m[1]!.toLowerCase()]! } : null;
}

/**
 * "urgent", "important", "asap", "critical" only where they cannot be part of
 * the title: before a colon ("urgent: fix the sink") or a comma, or at the end
 * ("…, urgent"). "Reply to urgent email" keeps its word.
 */
export function priorityWord(masked: string, pos: number): { end: number; priority: Priority } | null {
  const m = matchAt(rx`(urgent|important|critical|asap)${END}(?=\\s*(?:[:,;!.]|$))`, masked, pos);
  return m ? { end: pos + m[1]!.length, priority: "high" } : null;
}
