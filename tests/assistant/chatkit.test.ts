/**
 * `POST /api/chatkit` driven the way OpenAI's ChatKit widget drives it: every
 * SSE event and JSON answer is validated against the protocol schemas
 * (`src/contracts/chatkit.ts`, which mirror the Python server's types).
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type * as ChatKit from "@openai/chatkit";
import {
  EmptyResponse,
  ItemsPage,
  PublicConfig,
  Thread,
  ThreadsPage,
  ThreadStreamEvent,
  type ThreadItem,
} from "../../src/contracts/chatkit.ts";
import { messages } from "../../src/db/schema/conversations.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";
import { scriptedModel, type Step } from "../support/scripted-model.ts";

const steps: Step[] = [];
const model = scriptedModel(steps);
let t: TestApp;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  t = await createTestApp({}, { model });
  [alice, bob] = await Promise.all([t.signUp("Alice"), t.signUp("Bob")]);
});
afterAll(() => t.close());

const post = (app: TestApp, user: TestUser, body: unknown, headers: Record<string, string> = {}) =>
  app.request("/api/chatkit", {
    method: "POST",
    headers: { ...user.headers, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const input = (text: string) => ({
  content: [{ type: "input_text", text }],
  attachments: [],
  inference_options: {},
});

/** A streaming request: every `data:` event parsed and validated. */
async function stream(user: TestUser, body: unknown, app = t): Promise<ThreadStreamEvent[]> {
  const res = await post(app, user, body);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const raw = await res.text();
  const chunks = raw.split("\n\n").filter((c) => c.trim());
  return chunks.map((chunk) => {
    const lines = chunk.split("\n");
    expect(lines.every((l) => l.startsWith("data: ")), chunk).toBe(true);
    return ThreadStreamEvent.parse(JSON.parse(lines.map((l) => l.slice(6)).join("\n")));
  });
}

/** A non-streaming request answered 200 with JSON. */
async function call(user: TestUser, body: unknown): Promise<unknown> {
  const res = await post(t, user, body);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return res.json();
}

/** A request refused with a JSON error (never a stream, never a 5xx). */
async function refused(user: TestUser, body: unknown, status: number, headers?: Record<string, string>) {
  const res = await post(t, user, body, headers);
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const { error } = JSON.parse(text) as { error: { code: string; message: string } };
  expect(error.code).toEqual(expect.any(String));
  expect(error.message).toEqual(expect.any(String));
  return { code: error.code, message: error.message };
}

const of = <T extends ThreadStreamEvent["type"]>(events: ThreadStreamEvent[], type: T) =>
  events.filter((e): e is Extract<ThreadStreamEvent, { type: T }> => e.type === type);
const doneItems = (events: ThreadStreamEvent[]) => of(events, "thread.item.done").map((e) => e.item);
const textOf = (item: ThreadItem) => item.content.map((p) => p.text).join("");

let threadId = "";
let firstUserItem = "";
let firstReplyItem = "";

describe("a thread as the widget drives it", () => {
  it("threads.create stores the message, streams the reply and shows the tool call as progress", async () => {
    steps.push({ calls: [{ tool: "add_task", input: { title: "Buy milk" } }] }, { text: "Added “Buy milk” to your list." });
    const events = await stream(alice, { type: "threads.create", params: { input: input("Add buy milk") } });

    expect(events.map((e) => e.type)).toEqual([
      "thread.created",
      "thread.item.done", // the user's message, stored before the model runs
      "stream_options",
      "progress_update",
      "thread.item.added",
      "thread.item.updated", // content_part.added
      ...Array(6).fill("thread.item.updated"), // one text delta per word
      "thread.item.updated", // content_part.done
      "thread.item.done",
    ]);
    const [created] = of(events, "thread.created");
    expect(created!.thread).toMatchObject({ title: "Add buy milk", status: { type: "active" }, items: { data: [], has_more: false } });
    threadId = created!.thread.id;

    const [user, reply] = doneItems(events);
    expect(user).toMatchObject({ type: "user_message", thread_id: threadId, content: [{ type: "input_text", text: "Add buy milk" }] });
    expect(of(events, "progress_update")).toEqual([{ type: "progress_update", icon: "plus", text: "Adding “Buy milk”…" }]);
    expect(of(events, "stream_options")[0]!.stream_options).toEqual({ allow_cancel: false });

    const [added] = of(events, "thread.item.added");
    expect(added!.item).toMatchObject({ type: "assistant_message", content: [] });
    const updates = of(events, "thread.item.updated");
    expect(updates.every((u) => u.item_id === added!.item.id)).toBe(true);
    const deltas = updates.flatMap((u) => (u.update.type === "assistant_message.content_part.text_delta" ? [u.update.delta] : []));
    expect(deltas.join("")).toBe("Added “Buy milk” to your list.");
    expect(reply).toMatchObject({ type: "assistant_message", id: added!.item.id, content: [{ type: "output_text", text: "Added “Buy milk” to your list.", annotations: [] }] });
    firstUserItem = user!.id;
    firstReplyItem = reply!.id;

    // The tool really ran, for this user.
    const tasks = (await (await t.api(alice, "GET", `/api/${alice.id}/tasks`)).json()) as { tasks?: { title: string }[] } | { title: string }[];
    expect(JSON.stringify(tasks)).toContain("Buy milk");
  });

  it("threads.get_by_id shows the stored items under the ids that were streamed", async () => {
    const thread = Thread.parse(await call(alice, { type: "threads.get_by_id", params: { thread_id: threadId } }));
    expect(thread.items.data.map((i) => [i.id, i.type, textOf(i)])).toEqual([
      [firstUserItem, "user_message", "Add buy milk"],
      [firstReplyItem, "assistant_message", "Added “Buy milk” to your list."],
    ]);
    expect(thread.items.has_more).toBe(false);
  });

  it("threads.add_user_message continues the same conversation with its history", async () => {
    steps.push({ text: "You have one task: Buy milk." });
    const before = model.mock.doStreamCalls.length;
    const events = await stream(alice, { type: "threads.add_user_message", params: { thread_id: threadId, input: input("What's on my list?") } });
    expect(of(events, "thread.created")).toEqual([]);
    const [user, reply] = doneItems(events);
    expect(user).toMatchObject({ type: "user_message", thread_id: threadId, content: [{ text: "What's on my list?" }] });
    expect(reply).toMatchObject({ type: "assistant_message", thread_id: threadId, content: [{ text: "You have one task: Buy milk." }] });

    const prompt = JSON.stringify(model.mock.doStreamCalls[before]!.prompt);
    expect(prompt).toContain("Add buy milk");
    expect(prompt).toContain("Added “Buy milk” to your list.");
    expect(prompt).toContain("What's on my list?");

    // The same conversation the REST API and the built-in chat panel see.
    const rest = (await (await t.api(alice, "GET", `/api/${alice.id}/conversations/${threadId}`)).json()) as { messages: unknown[] };
    expect(rest.messages).toHaveLength(4);
  });

  it("accepts tags and a quote, and the widget's unknown fields", async () => {
    steps.push({ text: "Noted." });
    const events = await stream(alice, {
      type: "threads.add_user_message",
      params: {
        thread_id: threadId,
        input: {
          content: [
            { type: "input_text", text: "Move " },
            { type: "input_tag", id: "task-1", text: "@Buy milk", data: { id: 1 }, interactive: false },
            { type: "input_text", text: " to Friday" },
          ],
          attachments: [],
          quoted_text: "You have one task",
          inference_options: { tool_choice: null, model: null },
          some_future_field: true,
        },
      },
      metadata: { anything: 1 },
    });
    expect(textOf(doneItems(events)[0]!)).toBe("> You have one task\n\nMove @Buy milk to Friday");
  });

  it("items.list pages through items in both orders", async () => {
    const all = ItemsPage.parse(await call(alice, { type: "items.list", params: { thread_id: threadId, limit: 100, order: "asc" } }));
    expect(all.data).toHaveLength(6);
    expect(all.has_more).toBe(false);
    expect(all.after).toBeUndefined();
    const ids = all.data.map((i) => i.id);

    const p1 = ItemsPage.parse(await call(alice, { type: "items.list", params: { thread_id: threadId, limit: 4, order: "asc" } }));
    expect(p1.data.map((i) => i.id)).toEqual(ids.slice(0, 4));
    expect(p1).toMatchObject({ has_more: true, after: ids[3] });
    const p2 = ItemsPage.parse(await call(alice, { type: "items.list", params: { thread_id: threadId, limit: 4, order: "asc", after: p1.after } }));
    expect(p2.data.map((i) => i.id)).toEqual(ids.slice(4));
    expect(p2.has_more).toBe(false);

    // The protocol's default order is desc.
    const d1 = ItemsPage.parse(await call(alice, { type: "items.list", params: { thread_id: threadId, limit: 5 } }));
    expect(d1.data.map((i) => i.id)).toEqual([...ids].reverse().slice(0, 5));
    const d2 = ItemsPage.parse(await call(alice, { type: "items.list", params: { thread_id: threadId, limit: 5, after: d1.after } }));
    expect(d2.data.map((i) => i.id)).toEqual([ids[0]]);
  });

  it("items.feedback stores the kind on the message", async () => {
    expect(EmptyResponse.parse(await call(alice, { type: "items.feedback", params: { thread_id: threadId, item_ids: [firstReplyItem], kind: "positive" } }))).toEqual({});
    const id = Number(firstReplyItem.slice(4));
    const [row] = await t.tickler.database.db.select({ feedback: messages.feedback }).from(messages).where(eq(messages.id, id));
    expect(row!.feedback).toBe("positive");
    await call(alice, { type: "items.feedback", params: { thread_id: threadId, item_ids: [firstReplyItem], kind: "negative" } });
    const [again] = await t.tickler.database.db.select({ feedback: messages.feedback }).from(messages).where(eq(messages.id, id));
    expect(again!.feedback).toBe("negative");
  });

  it("threads.retry_after_item answers an earlier user message again and drops what followed", async () => {
    steps.push({ text: "Retried: Buy milk is on your list." });
    const events = await stream(alice, { type: "threads.retry_after_item", params: { thread_id: threadId, item_id: firstUserItem } });
    expect(events[0]).toEqual({ type: "stream_options", stream_options: { allow_cancel: false } });
    const [reply] = doneItems(events);
    expect(reply).toMatchObject({ type: "assistant_message", content: [{ text: "Retried: Buy milk is on your list." }] });
    const items = ItemsPage.parse(await call(alice, { type: "items.list", params: { thread_id: threadId, order: "asc" } }));
    expect(items.data.map((i) => [i.id, textOf(i)])).toEqual([
      [firstUserItem, "Add buy milk"],
      [reply!.id, "Retried: Buy milk is on your list."],
    ]);
  });

  it("a failing model ends with a retryable error event, and retrying the last message answers it", async () => {
    steps.push({ error: new Error("provider exploded with sk-secret") });
    const events = await stream(alice, { type: "threads.add_user_message", params: { thread_id: threadId, input: input("Anything due?") } });
    expect(events.map((e) => e.type)).toEqual(["thread.item.done", "stream_options", "error"]);
    expect(events.at(-1)).toEqual({ type: "error", code: "custom", message: "the assistant could not answer; try again", allow_retry: true });
    expect(JSON.stringify(events)).not.toContain("sk-secret");
    const userItem = doneItems(events)[0]!.id;

    steps.push({ text: "Nothing is due." });
    const retried = await stream(alice, { type: "threads.retry_after_item", params: { thread_id: threadId, item_id: userItem } });
    expect(textOf(doneItems(retried)[0]!)).toBe("Nothing is due.");
    const items = ItemsPage.parse(await call(alice, { type: "items.list", params: { thread_id: threadId, order: "desc", limit: 2 } }));
    expect(items.data.map((i) => textOf(i))).toEqual(["Nothing is due.", "Anything due?"]);
  });

  it("retry_after_item refuses an assistant item and unknown items before streaming", async () => {
    expect(await refused(alice, { type: "threads.retry_after_item", params: { thread_id: threadId, item_id: firstReplyItem.replace(/\d+$/, "999999") } }, 404)).toMatchObject({ code: "not_found" });
    const items = ItemsPage.parse(await call(alice, { type: "items.list", params: { thread_id: threadId, order: "desc", limit: 1 } }));
    expect(await refused(alice, { type: "threads.retry_after_item", params: { thread_id: threadId, item_id: items.data[0]!.id } }, 422)).toMatchObject({ code: "not_a_user_message" });
    expect(await refused(alice, { type: "threads.retry_after_item", params: { thread_id: threadId, item_id: "not-an-item" } }, 404)).toMatchObject({ code: "not_found" });
  });

  it("a client that goes away mid-stream still gets the whole reply stored", async () => {
    steps.push({ text: "This reply is stored even though nobody is listening to it." });
    const res = await post(t, alice, { type: "threads.add_user_message", params: { thread_id: threadId, input: input("Still there?") } });
    const reader = res.body!.getReader();
    await reader.read(); // the first event, then the client disconnects
    await reader.cancel();
    await expect
      .poll(async () => {
        const page = ItemsPage.parse(await call(alice, { type: "items.list", params: { thread_id: threadId, limit: 1 } }));
        return textOf(page.data[0]!);
      })
      .toBe("This reply is stored even though nobody is listening to it.");
  });

  it("client tool output and custom actions are refused with a protocol error event", async () => {
    for (const body of [
      { type: "threads.add_client_tool_output", params: { thread_id: threadId, result: { ok: true } } },
      { type: "threads.custom_action", params: { thread_id: threadId, item_id: null, action: { type: "do.something", payload: {} } } },
    ]) {
      const events = await stream(alice, body);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: "error", code: "custom", allow_retry: false });
    }
  });

  it("threads.update renames, threads.list pages by last activity, threads.delete deletes", async () => {
    const renamed = Thread.parse(await call(alice, { type: "threads.update", params: { thread_id: threadId, title: "  Groceries  " } }));
    expect(renamed).toMatchObject({ id: threadId, title: "Groceries" });

    steps.push({ text: "Second." }, { text: "Third." });
    const second = of(await stream(alice, { type: "threads.create", params: { input: input("Second thread") } }), "thread.created")[0]!.thread.id;
    const third = of(await stream(alice, { type: "threads.create", params: { input: input("Third thread") } }), "thread.created")[0]!.thread.id;

    const p1 = ThreadsPage.parse(await call(alice, { type: "threads.list", params: { limit: 2 } }));
    expect(p1.data.map((th) => th.id)).toEqual([third, second]);
    expect(p1).toMatchObject({ has_more: true, after: second }); // the last id, as the Python server pages
    expect(p1.data[0]).toMatchObject({ title: "Third thread", items: { data: [], has_more: false } });
    const p2 = ThreadsPage.parse(await call(alice, { type: "threads.list", params: { limit: 2, after: p1.after } }));
    expect(p2.data.map((th) => [th.id, th.title])).toEqual([[threadId, "Groceries"]]);
    expect(p2.has_more).toBe(false);
    const asc = ThreadsPage.parse(await call(alice, { type: "threads.list", params: { order: "asc" } }));
    expect(asc.data.map((th) => th.id)).toEqual([threadId, second, third]);

    expect(EmptyResponse.parse(await call(alice, { type: "threads.delete", params: { thread_id: second } }))).toEqual({});
    await refused(alice, { type: "threads.get_by_id", params: { thread_id: second } }, 404);
    const after = ThreadsPage.parse(await call(alice, { type: "threads.list", params: {} }));
    expect(after.data.map((th) => th.id)).toEqual([third, threadId]);
    // A deleted thread, or another user's, is no cursor.
    expect(await refused(alice, { type: "threads.list", params: { after: second } }, 422)).toMatchObject({ code: "invalid_cursor" });
    expect(await refused(bob, { type: "threads.list", params: { after: threadId } }, 422)).toMatchObject({ code: "invalid_cursor" });
  });
});

describe("isolation between users", () => {
  it("another user's thread is indistinguishable from a nonexistent one", async () => {
    const nonexistent = "00000000-0000-4000-8000-000000000000";
    const items = ItemsPage.parse(await call(alice, { type: "items.list", params: { thread_id: threadId } }));
    const userItem = items.data.find((i) => i.type === "user_message")!.id;
    const attempts = (thread_id: string) => [
      { type: "threads.get_by_id", params: { thread_id } },
      { type: "items.list", params: { thread_id } },
      { type: "threads.update", params: { thread_id, title: "Mine now" } },
      { type: "threads.delete", params: { thread_id } },
      { type: "threads.add_user_message", params: { thread_id, input: input("hello") } },
      { type: "threads.retry_after_item", params: { thread_id, item_id: userItem } },
      { type: "items.feedback", params: { thread_id, item_ids: [userItem], kind: "negative" } },
      { type: "threads.add_client_tool_output", params: { thread_id, result: {} } },
      { type: "threads.custom_action", params: { thread_id, action: { type: "x" } } },
    ];
    const calls = model.mock.doStreamCalls.length;
    const theirs = attempts(threadId);
    const none = attempts(nonexistent);
    for (let i = 0; i < theirs.length; i++) {
      const a = await refused(bob, theirs[i], 404);
      const b = await refused(bob, none[i], 404);
      expect(a, theirs[i]!.type).toEqual(b);
      expect(a.message).toBe("conversation not found");
    }
    expect(model.mock.doStreamCalls.length).toBe(calls); // no turn ran

    // Alice's thread is untouched; Bob sees none of her threads; feedback by id alone does nothing.
    await call(bob, { type: "items.feedback", params: { item_ids: [userItem], kind: "positive" } });
    const [row] = await t.tickler.database.db
      .select({ feedback: messages.feedback })
      .from(messages)
      .where(and(eq(messages.id, Number(userItem.slice(4)))));
    expect(row!.feedback).toBeNull();
    expect(Thread.parse(await call(alice, { type: "threads.get_by_id", params: { thread_id: threadId } })).title).toBe("Groceries");
    expect(ThreadsPage.parse(await call(bob, { type: "threads.list", params: {} })).data).toEqual([]);
  });

  it("GET /api/config says when the widget is off", async () => {
    expect(PublicConfig.parse(await (await t.request("/api/config")).json())).toMatchObject({ chatkit: null, model: "test:scripted" });
  });

  it("needs a Bearer token", async () => {
    const res = await t.request("/api/chatkit", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(401);
  });
});

describe("malformed requests are 4xx, never 5xx", () => {
  it.each([
    ["bad JSON", "{not json", 400, "malformed_json"],
    ["an empty body", "", 400, "malformed_json"],
    ["a JSON array", [], 422, "validation_failed"],
    ["no type", { params: {} }, 422, "validation_failed"],
    ["an unknown type", { type: "threads.explode", params: {} }, 400, "unknown_request_type"],
    ["missing params", { type: "threads.get_by_id" }, 422, "validation_failed"],
    ["missing thread_id", { type: "items.list", params: {} }, 422, "validation_failed"],
    ["a wrong type", { type: "threads.list", params: { limit: "ten" } }, 422, "validation_failed"],
    ["a bad order", { type: "items.list", params: { thread_id: "x", order: "sideways" } }, 422, "validation_failed"],
    ["a bad feedback kind", { type: "items.feedback", params: { item_ids: ["msg_1"], kind: "meh" } }, 422, "validation_failed"],
    ["a foreign item id", { type: "items.feedback", params: { item_ids: ["thr_1"], kind: "positive" } }, 404, "not_found"],
    ["no input", { type: "threads.create", params: {} }, 422, "validation_failed"],
    ["empty content", { type: "threads.create", params: { input: input("   ") } }, 422, "validation_failed"],
    ["an unknown content part", { type: "threads.create", params: { input: { content: [{ type: "input_image", url: "x" }] } } }, 422, "validation_failed"],
    ["an attachment", { type: "threads.create", params: { input: { ...input("hi"), attachments: ["att_1"] } } }, 422, "validation_failed"],
    ["oversized input", { type: "threads.create", params: { input: input("x".repeat(4001)) } }, 422, "validation_failed"],
    ["an empty title", { type: "threads.update", params: { thread_id: "x", title: " " } }, 422, "validation_failed"],
    ["a bogus thread cursor", { type: "threads.list", params: { after: "bogus" } }, 422, "invalid_cursor"],
    ["a bogus item cursor", { type: "items.list", params: { thread_id: "00000000-0000-4000-8000-000000000000", after: "bogus" } }, 422, "invalid_cursor"],
    ["attachments.create", { type: "attachments.create", params: { name: "a.txt", size: 1, mime_type: "text/plain" } }, 422, "unsupported_request"],
  ])("%s", async (_name, body, status, code) => {
    const calls = model.mock.doStreamCalls.length;
    expect(await refused(alice, body, status)).toMatchObject({ code });
    expect(model.mock.doStreamCalls.length).toBe(calls);
  });

  it("a body over the size limit is 413", async () => {
    await refused(alice, { type: "threads.create", params: { input: input("x".repeat(70_000)) } }, 413);
  });

  it("an unknown time zone is 422", async () => {
    await refused(alice, { type: "threads.list", params: {} }, 422, { "x-time-zone": "Mars/Olympus" });
  });
});

describe("rate limits", () => {
  it("turns count against the chat limit, thread changes against the write limit, reads are free", async () => {
    const limited = await createTestApp(
      { RATE_LIMIT_CHAT_PER_MINUTE: "1", RATE_LIMIT_WRITES_PER_MINUTE: "1", CHATKIT_DOMAIN_KEY: "domain_pk_test" },
      { model: scriptedModel([]) },
    );
    try {
      // The public config tells the web app it may use the widget (no token needed).
      const config = PublicConfig.parse(await (await limited.request("/api/config")).json());
      expect(config).toMatchObject({ chatkit: { domainKey: "domain_pk_test", apiUrl: "/api/chatkit" }, model: "test:scripted" });

      const dave = await limited.signUp("Dave");
      const events = await stream(dave, { type: "threads.create", params: { input: input("one") } }, limited);
      const id = of(events, "thread.created")[0]!.thread.id;
      const again = await post(limited, dave, { type: "threads.add_user_message", params: { thread_id: id, input: input("two") } });
      expect(again.status).toBe(429);
      expect(((await again.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
      for (let i = 0; i < 3; i++) {
        expect((await post(limited, dave, { type: "items.list", params: { thread_id: id } })).status).toBe(200);
      }
      expect((await post(limited, dave, { type: "threads.update", params: { thread_id: id, title: "A" } })).status).toBe(200);
      expect((await post(limited, dave, { type: "threads.update", params: { thread_id: id, title: "B" } })).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe("with the default offline model", () => {
  let offline: TestApp;
  let carol: TestUser;
  beforeAll(async () => {
    offline = await createTestApp();
    carol = await offline.signUp("Carol");
  });
  afterAll(() => offline.close());

  it("a turn that adds a task streams progress and a stored reply", async () => {
    const events = await stream(carol, { type: "threads.create", params: { input: input("add buy milk tomorrow 9am #errands") } }, offline);
    // "#errands" may name a list: the offline model looks at the lists first, then adds.
    expect(of(events, "progress_update")).toContainEqual(expect.objectContaining({ icon: "plus", text: "Adding “Buy milk”…" }));
    const [user, reply] = doneItems(events);
    expect(user!.type).toBe("user_message");
    expect(reply!.type).toBe("assistant_message");
    expect(textOf(reply!)).toMatch(/Added “Buy milk”/);
    const thread = Thread.parse(
      await (await post(offline, carol, { type: "threads.get_by_id", params: { thread_id: reply!.thread_id } })).json(),
    );
    expect(thread.items.data.map((i) => i.id)).toEqual([user!.id, reply!.id]);
  });
});

describe("types", () => {
  it("what we emit fits the @openai/chatkit types", () => {
    expectTypeOf<Extract<ThreadItem, { type: "user_message" }>["content"][number]>().toExtend<ChatKit.UserMessageContent>();
    expectTypeOf<Extract<ThreadStreamEvent, { type: "progress_update" }>["icon"]>().toExtend<ChatKit.ChatKitIcon | undefined>();
  });
});
