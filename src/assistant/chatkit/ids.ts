/**
 * ChatKit ids. A thread id is the conversation's uuid as is (so `initialThread`
 * and the REST conversation routes share ids); an item id is `msg_<message id>`.
 */
import { notFound } from "../../domain/errors.ts";

export const itemId = (messageId: number): string => `msg_${messageId}`;

const ITEM = /^msg_([1-9]\d{0,14})$/;

/** The message id in an item id, or undefined when it is not one of ours. */
export function parseItemId(id: string): number | undefined {
  const m = ITEM.exec(id);
  return m ? Number(m[1]) : undefined;
}

/** Like `parseItemId`, but an id that is not ours is simply "not found". */
export function messageIdOf(id: string): number {
  const n = parseItemId(id);
  if (n === undefined) throw notFound("item");
  return n;
}
