/** Sticky, case-insensitive matching at a position: every grammar rule is anchored where it starts. */

/** The end of a word: no letter or digit follows. */
export const END = "(?![\\p{L}\\p{N}])";

const cache = new Map<string, RegExp>();

/** Runs `source` anchored at `pos` (flags `iuy`); compiled regexes are reused. */
export function matchAt(source: string, text: string, pos: number): RegExpExecArray | null {
  let re = cache.get(source);
  if (!re) {
    re = new RegExp(source, "iuy");
    cache.set(source, re);
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
