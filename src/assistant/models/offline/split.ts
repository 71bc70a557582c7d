/**
 * Compound requests: "add milk, eggs and bread", "add X and also Y",
 * "add X, then mark task 3 done", "complete task 1 and delete task 7".
 * Splitting is conservative: a message only splits when every part reads as a
 * request of its own (or as one more item to add), so a title that merely
 * contains "and" stays whole.
 */

/** Verbs that start a new request after a plain "and". */
const ACTION =
  /^(?:add|create|complete|finish|mark|delete|remove|erase|trash|rename|retitle|reopen|uncheck|untick|push|postpone|reschedule|move|show|list|tick off|check off|cross off|get rid of|scratch|nuke|drop)\b/i;

export const startsWithAction = (clause: string) => ACTION.test(clause.trim());

/** Separators that always start a new clause. */
const THEN =
  /\s*(?:[,;]\s*(?:and\s+)?then\s+|\s+and\s+then\s+|;\s*|,?\s+and\s+also\s+|,?\s+as well as\s+|,?\s+plus\s+)/i;

/** The clauses of a message; one clause when it does not split. */
export function splitClauses(raw: string): string[] {
  const parts = raw
    .split(THEN)
    .map((p) => p.trim())
    .filter(Boolean);
  // A plain "and" splits only before another action verb: "complete task 1 and delete task 7".
  return parts.flatMap((p) =>
    p.split(/\s+and\s+(?=\S)/i).reduce<string[]>((acc, piece, i) => {
      if (i > 0 && ACTION.test(piece)) acc.push(piece);
      else if (acc.length) acc[acc.length - 1] += ` and ${piece}`;
      else acc.push(piece);
      return acc;
    }, []),
  );
}

const COUNTED =
  /^(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+|some|a few|these|the following)\s+)?(?:new\s+)?(?:tasks|items|things|todos|to-dos)\s*:\s*([\s\S]+)$/i;

/**
 * The items of one add: "three tasks: milk, eggs, bread" or "milk, eggs and
 * bread". Null when the body is one task ("report, high priority" keeps its
 * priority: a piece that is only attributes is not an item — the caller checks).
 */
export function addItems(body: string): string[] | null {
  const counted = COUNTED.exec(body.trim());
  const list = counted?.[1] ?? body;
  if (!counted && !list.includes(",")) return null;
  const items = list
    .split(/\s*,\s*(?:and\s+)?/)
    .flatMap((piece, i, all) => (i === all.length - 1 ? piece.split(/\s+and\s+/) : [piece]))
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length < 2) return counted ? items : null;
  // Long pieces are sentences with a comma, not a shopping list.
  if (!counted && items.some((s) => s.split(/\s+/).length > 5)) return null;
  return items;
}
