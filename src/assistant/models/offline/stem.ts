/**
 * A small stemmer for search words. Search matches words as substrings, so a
 * stem only has to be a prefix of the title's word: "paying" → "pay",
 * "emailed" → "email", "writing" → "writ" (in "write"). Irregular past forms
 * map to their base. Only verbs in -ing/-ed and a few irregulars change; a
 * library stemmer (Porter) would also cut nouns ("cleaning" → "clean") that
 * the title spells in full, which a substring search already finds.
 */
const IRREGULAR: Record<string, string> = {
  paid: "pay",
  bought: "buy",
  sent: "send",
  wrote: "writ",
  written: "writ",
  did: "do",
  done: "do",
  made: "mak",
  took: "tak",
  taken: "tak",
  got: "get",
  ran: "run",
  went: "go",
  fed: "feed",
  met: "meet",
  gave: "giv",
  given: "giv",
  built: "build",
  brought: "bring",
  sold: "sell",
  told: "tell",
  found: "find",
  kept: "keep",
  left: "leav",
  read: "read",
  spoke: "speak",
};

export function stemWord(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w];
  const m = /^([a-z]{3,}?)(?:ing|ed)$/.exec(w);
  if (!m?.[1]) return word;
  const stem = m[1];
  // "planned" → "plan", "running" → "run"; "calling" → "cal" still finds "call".
  return /([bdfgklmnprstz])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}

/** Stems the leading verb of a search phrase ("paying rent" → "pay rent"); nouns later on stay whole. */
export function stemQuery(query: string): string {
  const [first, ...rest] = query.split(" ");
  return first ? [stemWord(first), ...rest].join(" ") : query;
}
