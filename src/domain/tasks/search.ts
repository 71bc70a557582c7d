/**
 * Search: every word of `q` must appear (any order) in the task's title,
 * description or tags, or in its list's name — folded to lower case without
 * accents by the database's own `tickler_fold` (unaccent), the same function
 * the indexed `search_text` column is built with. The trigram index answers
 * `like '%word%'` (decision 008).
 */
import { and, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { lists } from "../../db/schema/lists.ts";
import { tasks } from "../../db/schema/tasks.ts";

/** At most this many words count (a longer query only narrows the match). */
const WORDS_MAX = 8;

/** `%`, `_` and `\` match themselves in a search, not as LIKE wildcards. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface SearchTerms {
  /** `q`'s words, folded by `tickler_fold`, without duplicates. */
  words: string[];
  /** Per word, the user's lists whose folded name contains it. */
  wordLists: Map<string, number[]>;
}

/**
 * Folds `q` and reads the user's folded list names in one round trip (lists are
 * few: at most LISTS_MAX), so the patterns stay plain parameters and each word
 * knows the lists whose name has it.
 */
export async function searchTerms(db: Db, userId: string, q: string | undefined): Promise<SearchTerms> {
  const raw = [...new Set((q ?? "").split(/\s+/).filter(Boolean))].slice(0, WORDS_MAX);
  if (raw.length === 0) return { words: [], wordLists: new Map() };
  const r = (await db.execute<{ f: string; lists: [number, string][] }>(sql`
    select tickler_fold(${raw.join(" ")}) as f,
      (select coalesce(json_agg(json_build_array(${lists.id}, tickler_fold(${lists.name}))), '[]') from ${lists} where ${lists.userId} = ${userId}) as lists`)) as {
    rows: { f: string; lists: [number, string][] | string }[];
  };
  const row = r.rows[0]!;
  const named = typeof row.lists === "string" ? (JSON.parse(row.lists) as [number, string][]) : row.lists;
  const words = [...new Set(row.f.split(/\s+/).filter(Boolean))];
  return { words, wordLists: new Map(words.map((w) => [w, named.filter(([, name]) => name.includes(w)).map(([id]) => id)])) };
}

/**
 * One condition per word: in the task's text, or the task is in a list whose
 * name has it. The list part is a plain id list, so each word stays one
 * trigram-index scan (OR-ed with a btree scan only when some list name matches).
 */
export function matchWords(words: string[], inLists: Map<string, number[]> = new Map()): SQL | undefined {
  if (words.length === 0) return undefined;
  return and(
    ...words.map((w) => {
      const text = sql`${tasks.searchText} like ${`%${escapeLike(w)}%`}`;
      const ids = inLists.get(w) ?? [];
      return ids.length ? or(text, inArray(tasks.listId, ids)) : text;
    }),
  );
}

/**
 * Relevance as an integer (so a cursor can hold it exactly), from plain LIKEs on
 * the stored folded text — no per-row function calls, so ranking thousands of
 * matches stays cheap (decision 023): +1000 when every word is in the title,
 * +100 per word in the title, +50 when the words appear together in order,
 * +10 per word that starts a word. The title is the first part of `search_text`
 * (title, description, tags joined by spaces), and `search_title` holds it alone.
 */
export function relevance(words: string[]): SQL {
  if (words.length === 0) return sql`0`;
  const inTitle = words.map((w) => sql`${tasks.searchTitle} like ${`%${escapeLike(w)}%`}`);
  const parts = [
    sql`case when ${sql.join(inTitle, sql` and `)} then 1000 else 0 end`,
    ...inTitle.map((c) => sql`case when ${c} then 100 else 0 end`),
    ...words.map((w) => sql`case when ${tasks.searchText} like ${`${escapeLike(w)}%`} or ${tasks.searchText} like ${`% ${escapeLike(w)}%`} then 10 else 0 end`),
  ];
  if (words.length > 1) parts.push(sql`case when ${tasks.searchText} like ${`%${escapeLike(words.join(" "))}%`} then 50 else 0 end`);
  return sql`(${sql.join(parts, sql` + `)})`;
}
