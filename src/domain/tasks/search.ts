/**
 * Search: every word of `q` must appear (any order) in the task's title,
 * description or tags, or in its list's name — folded to lower case without
 * accents by the database's own `tickler_fold` (unaccent), the same function
 * the indexed `search_text` column is built with. The trigram index answers
 * `like '%word%'` (decision 008).
 */
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { lists } from "../../db/schema/lists.ts";
import { tasks } from "../../db/schema/tasks.ts";

/** At most this many words count (a longer query only narrows the match). */
const WORDS_MAX = 8;

/** `%`, `_` and `\` match themselves in a search, not as LIKE wildcards. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The query's words, folded by the database (one round trip; keeps the patterns plain parameters). */
export async function foldQuery(db: Db, q: string): Promise<string[]> {
  const words = [...new Set(q.split(/\s+/).filter(Boolean))].slice(0, WORDS_MAX);
  if (words.length === 0) return [];
  const r = (await db.execute<{ f: string }>(sql`select tickler_fold(${words.join(" ")}) as f`)) as { rows: { f: string }[] };
  return [...new Set(r.rows[0]!.f.split(/\s+/).filter(Boolean))];
}

/** The user's lists whose folded name contains each word (lists are few: at most LISTS_MAX). */
export async function listsMatching(db: Db, userId: string, words: string[]): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (words.length === 0) return out;
  const rows = await db.select({ id: lists.id, name: sql<string>`tickler_fold(${lists.name})` }).from(lists).where(eq(lists.userId, userId));
  for (const w of words) out.set(w, rows.filter((r) => r.name.includes(w)).map((r) => r.id));
  return out;
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
 * Relevance as an integer (so a cursor can hold it exactly): how closely the
 * whole query matches words of the text, with a bonus when every word is in the title.
 */
export function relevance(words: string[]): SQL {
  const q = words.join(" ");
  const inTitle = words.length
    ? sql.join(words.map((w) => sql`tickler_fold(${tasks.title}) like ${`%${escapeLike(w)}%`}`), sql` and `)
    : sql`false`;
  return sql`((word_similarity(${q}, ${tasks.searchText}) * 1000)::int + case when ${inTitle} then 1000 else 0 end)`;
}
