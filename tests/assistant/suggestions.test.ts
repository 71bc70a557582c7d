/**
 * Suggestion chips in the chat contract: Yes/No under any preview that waits
 * for a yes (whatever the model), the offline model's closest actions when it
 * did not understand, on JSON and SSE alike; typing "yes" keeps working.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

/** The `done` event of an SSE body. */
async function doneEvent(res: Response): Promise<Record<string, unknown>> {
  const block = (await res.text()).split("\n\n").find((b) => /^event: done$/m.test(b))!;
  return JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as Record<string, unknown>;
}

let t: TestApp;
let u: TestUser;
beforeAll(async () => {
  t = await createTestApp(); // the built-in offline model
  u = await t.signUp("Chips");
});
afterAll(() => t.close());

const chat = (body: unknown, sse = false) =>
  t.request("/api/me/chat", {
    method: "POST",
    headers: { ...u.headers, ...(sse ? { accept: "text/event-stream" } : {}) },
    body: JSON.stringify(body),
  });
const json = async (body: unknown) =>
  (await (await chat(body)).json()) as { conversation_id: string; response: string; suggestions: string[] };

describe("suggestion chips", () => {
  it("a message it did not understand gets the closest actions as chips", async () => {
    const r = await json({ message: "gimme the tomorrow stuff" });
    expect(r.response).toMatch(/^I didn't understand/);
    expect(r.suggestions).toEqual(["what's due today?"]);
    const done = await doneEvent(await chat({ message: "asdf qwerty" }, true));
    expect(done.suggestions).toEqual(["add buy milk tomorrow 9am", "what's due today?", "mark task 3 done"]);
  });

  it("a bulk change preview gets Yes/No; the Yes chip's text confirms it, and a plain reply gets none", async () => {
    const a = await t.api(u, "POST", "/api/me/tasks", { title: "Late one", due_at: "2020-01-01T09:00:00Z" });
    expect(a.status).toBe(201);
    const ask = await json({ message: "move all overdue tasks to tomorrow" });
    expect(ask.response).toMatch(/^Move this task to tomorrow\?/);
    expect(ask.suggestions).toEqual(["Yes", "No"]);
    const yes = await json({ conversation_id: ask.conversation_id, message: "Yes" });
    expect(yes.response).toMatch(/^Moved 1 task to tomorrow/);
    expect(yes.suggestions).toEqual([]);
    const again = await json({ conversation_id: ask.conversation_id, message: "delete all completed tasks" });
    expect(again.suggestions).toEqual([]); // nothing completed: no question, no chips
  });
});
