/** Sticky, case-insensitive matching at a position: every grammar rule is anchored where it starts. */

/** The end of a word: no letter or digit follows. */
export const END = "(?![\\p{L}\\p{N}])";

const bySource = new Map<string, RegExp>();
const byTemplate = new WeakMap<TemplateStringsArray, { values: unknown[]; re: RegExp }[]>();

/**
 * A sticky, case-insensitive regex from a template, compiled once per call site
 * and values: rules build their patterns from shared pieces (WEEKDAY, MONTH …),
 * and rebuilding and hashing those strings at every word cost more than matching.
 */
export function rx(strings: TemplateStringsArray, ...values: (string | number)[]): RegExp {
  let entries = byTemplate.get(strings);
  if (!entries) byTemplate.set(strings, (entries = []));
  outer: for (const e of entries) {
    for (let i = 0; i < values.length; i++) if (e.values[i] !== values[i]) continue outer;
    return e.re;
  }
  let source = strings[0]!;
  values.forEach((v, i) => (source += String(v) + strings[i + 1]!));
  const re = new RegExp(source, "iuy");
  entries.push({ values, re });
  return re;
}

/** Runs a rule anchored at `pos` (flags `iuy`); a string source is compiled once. */
export function matchAt(rule: RegExp | string, text: string, pos: number): RegExpExecArray | null {
  let re = typeof rule === "string" ? bySource.get(rule) : rule;
  if (!re) {
    re = new RegExp(rule, "iuy");
    bySource.set(rule as string, re);
  }
  re.lastIndex = pos;
  return re.exec(text);
}

/** Whitespace from `pos`; returns the first non-space position. */
export function skipSpaces(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  return pos;
}

/** Nothing but spaces and sentence punctuation (or a shorthand token) until the end. */
export function atTail(text: string, pos: number): boolean {
  return matchAt("\\s*(?:[,;.!?)]*\\s*$|[#@/]|!(?:high|medium|med|low|none|urgent|important)|p[1-4](?![\\p{L}\\p{N}]))", text, pos) !== null;
}
