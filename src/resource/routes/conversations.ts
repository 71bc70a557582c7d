/** `/api/{user_id}/conversations`: list, read, rename, delete. */
import { Hono } from "hono";
import { Conversation, ConversationId, ConversationListQuery, ConversationPage, ConversationRename, ConversationWithMessages, MarkUndone } from "../../contracts/chat.ts";
import { UndoneResult } from "../../contracts/rest.ts";
import type { Db } from "../../db/client.ts";
import * as conversations from "../../domain/conversations/service.ts";
import type { AuthEnv } from "../require-user.ts";
import { HttpError } from "../../http/errors.ts";
import { docs } from "../../http/openapi.ts";
import { jsonBody, queryParams } from "../validate.ts";

const doc = docs("Conversations");
const byId = { params: { id: ConversationId } };

export function conversationRoutes(db: Db) {
  const app = new Hono<AuthEnv>();
  app.get("/", doc({ summary: "Conversations, newest first", query: ConversationListQuery, responses: { 200: ConversationPage } }), async (c) => c.json(await conversations.listConversations(db, c.var.user.id, queryParams(c, ConversationListQuery))));
  app.get("/:id", doc({ summary: "A conversation with its messages", ...byId, responses: { 200: ConversationWithMessages }, errors: [404] }), async (c) => {
    const userId = c.var.user.id;
    const conversation = await conversations.getConversation(db, userId, c.req.param("id"));
    return c.json({ ...conversation, messages: await conversations.listMessages(db, userId, conversation.id) });
  });
  app.patch("/:id", doc({ summary: "Rename a conversation", ...byId, body: ConversationRename, responses: { 200: Conversation }, errors: [404, 429] }), async (c) => {
    const { title } = await jsonBody(c, ConversationRename);
    return c.json(await conversations.renameConversation(db, c.var.user.id, c.req.param("id"), title));
  });
  // The web's chat cards: an undone change stays undone in history.
  app.post("/:id/tool-calls/:call_id/undone", doc({ summary: "Record an Undo made from a chat card", ...byId, body: MarkUndone, bodyOptional: true, responses: { 200: UndoneResult }, errors: [404, 429] }), async (c) => {
    const { note } = await jsonBody(c, MarkUndone, { allowEmpty: true });
    const callId = c.req.param("call_id");
    if (callId.length > 200) throw new HttpError(404, "not_found", "tool call not found");
    return c.json({ undone: await conversations.markToolCallUndone(db, c.var.user.id, c.req.param("id"), callId, note) });
  });
  app.delete("/:id", doc({ summary: "Delete a conversation", ...byId, responses: { 204: null }, errors: [404, 429] }), async (c) => {
    await conversations.deleteConversation(db, c.var.user.id, c.req.param("id"));
    return c.body(null, 204);
  });
  return app;
}
