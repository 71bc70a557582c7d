import type { LanguageModelV3CallOptions, LanguageModelV3Prompt } from "@ai-sdk/provider";
import { generateText, stepCountIs, streamText, tool } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { formatClock } from "./clock.ts";
import { openRealTools, type RealTools } from "./eval/real-tools.ts";
import { chunkText, createOfflineModel } from "./model.ts";

const now = new Date("2026-11-28T10:00:00Z");
const system = formatClock(now, "UTC");
const seed = [{ title: "Buy milk" }, { title: "Call mom", completed: true }];
let real: RealTools;
beforeAll(async () => {
  real = await openRealTools();
});
afterAll(() => real.close());
const toolsFor = () => real.toolsFor(seed, { now, timeZone: "UTC" });
const user = (text: string) => ({ role: "user" as const, content: [{ type: "text" as const, text }] });
const call = (prompt: LanguageModelV3Prompt, tools = ["add_task", "list_tasks", "delete_tasks", "complete_task"]): LanguageModelV3CallOptions => ({
  prompt,
  tools: tools.map((name) => ({ type: "function", name, inputSchema: { type: "object" } })),
});

describe("offline model through the AI SDK", () => {
  it("streams text as several text-delta chunks with streamText", async () => {
    const result = streamText({ model: createOfflineModel(), system, prompt: "help", tools: await toolsFor() });
    const types: string[] = [];
    for await (const part of result.fullStream) types.push(part.type);
    expect(types.filter((t) => t === "text-delta").length).toBeGreaterThan(3);
    expect(types).toContain("finish");
    expect(await result.text).toMatch(/^I'm Tickler's built-in assistant/);
  });

  it("emits tool-call parts and finishes the loop with streamText", async () => {
    const result = streamText({ model: createOfflineModel(), system, prompt: "add buy bread tomorrow 9am", tools: await toolsFor(), stopWhen: stepCountIs(6) });
    const parts: { type: string; toolName?: string }[] = [];
    for await (const part of result.fullStream) parts.push(part);
    expect(parts.find((p) => p.type === "tool-call")?.toolName).toBe("add_task");
    expect(parts.some((p) => p.type === "tool-result")).toBe(true);
    expect(await result.text).toBe("Added “Buy bread” (task 3), due tomorrow at 9:00 AM.");
  });

  it("runs the multi-step loop with generateText", async () => {
    const result = await generateText({ model: createOfflineModel(), system, prompt: "complete the milk task", tools: await toolsFor(), stopWhen: stepCountIs(6) });
    expect(result.steps.map((s) => s.toolCalls.map((c) => c.toolName))).toEqual([["list_tasks"], ["complete_task"], []]);
    expect(result.steps[1]!.toolCalls[0]!.input).toEqual({ id: 1 });
    expect(result.text).toBe("Marked “Buy milk” (task 1) as done.");
  });

  it("runs a compound request as one call per part, then one summary", async () => {
    const result = await generateText({ model: createOfflineModel(), system, prompt: "add eggs and bread, then mark task 1 done", tools: await toolsFor(), stopWhen: stepCountIs(6) });
    expect(result.steps.map((s) => s.toolCalls.map((c) => c.toolName))).toEqual([["add_task"], ["complete_task"], []]);
    expect(result.text).toBe("Added “Eggs and bread” (task 3).\nMarked “Buy milk” (task 1) as done.");
  });

  it("previews a bulk change by filter, then makes it in one update_tasks call after yes, reporting only what changed", async () => {
    const tools = await real.toolsFor([{ title: "Old A", due_at: "2026-11-20T09:00:00Z" }, { title: "Old B", due_at: "2026-11-21T23:59:59Z" }, { title: "Later", due_at: "2026-12-20T09:00:00Z" }], { now, timeZone: "UTC" });
    const ask = await generateText({ model: createOfflineModel(), system, prompt: "move all overdue tasks to tomorrow", tools, stopWhen: stepCountIs(6) });
    expect(ask.steps.map((s) => s.toolCalls.map((c) => c.toolName))).toEqual([["update_tasks"], []]);
    expect(ask.steps[0]!.toolCalls[0]!.input).toMatchObject({ filter: { overdue: true }, keep_time: true });
    expect(ask.text).toMatch(/^Move these 2 tasks to tomorrow\?\n- “Old A” \(task 1\)\n- “Old B” \(task 2\)\nReply “yes”/);
    const messages = [{ role: "user" as const, content: "move all overdue tasks to tomorrow" }, ...ask.responseMessages, { role: "user" as const, content: "yes" }];
    const yes = await generateText({ model: createOfflineModel(), system, messages, tools, stopWhen: stepCountIs(6) });
    expect(yes.steps.map((s) => s.toolCalls.map((c) => c.toolName))).toEqual([["update_tasks"], []]);
    expect(yes.steps[0]!.toolCalls[0]!.input).toMatchObject({ ids: [1, 2], confirm: true, keep_time: true });
    // Each keeps its time of day; the one without a time stays at the end of the day.
    const updated = (yes.steps[0]!.toolResults[0]!.output as { updated: { id: number; due_at: string }[] }).updated;
    expect(updated.map((t) => t.due_at)).toEqual(["2026-11-29T09:00:00.000Z", "2026-11-29T23:59:59.000Z"]);
    expect(yes.text).toBe("Moved 2 tasks to tomorrow: “Old A” (task 1) and “Old B” (task 2).");
  });

  it("says a task number was not found and that nothing changed when nothing did", async () => {
    const tools = await real.toolsFor([{ title: "Report", due_at: "2026-12-04T23:59:59Z" }], { now, timeZone: "UTC" });
    const missing = await generateText({ model: createOfflineModel(), system, prompt: "delete task 99", tools, stopWhen: stepCountIs(6) });
    expect(missing.text).toBe("Sorry, task 99 was not found.");
    const same = await generateText({ model: createOfflineModel(), system, prompt: "push task 1 to friday", tools, stopWhen: stepCountIs(6) });
    expect(same.text).toBe("“Report” (task 1) is already due Friday, Dec 4; nothing changed.");
  });

  it("shifts a due date by a duration after reading it, keeping the time of day", async () => {
    const tools = await real.toolsFor([{ title: "Dentist", due_at: "2026-11-30T15:00:00Z" }, { title: "Someday" }], { now, timeZone: "UTC" });
    const later = await generateText({ model: createOfflineModel(), system, prompt: "postpone task 1 by 2 days", tools, stopWhen: stepCountIs(6) });
    expect(later.steps.map((s) => s.toolCalls.map((c) => c.toolName))).toEqual([["get_task"], ["update_task"], []]);
    expect(later.steps[1]!.toolCalls[0]!.input).toEqual({ id: 1, due_at: "2026-12-02T15:00:00Z" });
    const none = await generateText({ model: createOfflineModel(), system, prompt: "delay task 2 by a week", tools, stopWhen: stepCountIs(6) });
    expect(none.text).toBe("“Someday” (task 2) has no due date to move; tell me a date instead.");
  });

  it("answers a near miss briefly and another language politely", async () => {
    const near = await generateText({ model: createOfflineModel(), system, prompt: "gimme the tomorrow stuff", tools: await toolsFor(), stopWhen: stepCountIs(6) });
    expect(near.text).toMatch(/^I didn't understand “gimme the tomorrow stuff”\. I understand requests like “what's due today\?”; say “help” for more\.$/);
    expect(near.text.split("\n")).toHaveLength(1);
    const es = await generateText({ model: createOfflineModel(), system, prompt: "añade comprar leche", tools: await toolsFor(), stopWhen: stepCountIs(6) });
    expect(es.text).toMatch(/only understands English/);
    // Urdu script ("add a task to buy milk"), and Spanish without accents: English, said politely, nothing done.
    const ur = await generateText({ model: createOfflineModel(), system, prompt: "دودھ خریدنے کا کام شامل کریں", tools: await toolsFor(), stopWhen: stepCountIs(6) });
    expect(ur.text).toBe("Sorry, the built-in assistant only understands English and answers in English. Try “add buy milk tomorrow” or “what's due today?”.");
    expect(ur.steps.flatMap((s) => s.toolCalls)).toEqual([]);
    const es2 = await generateText({ model: createOfflineModel(), system, prompt: "necesito una tarea para manana", tools: await toolsFor(), stopWhen: stepCountIs(6) });
    expect(es2.text).toMatch(/^Sorry, the built-in assistant only understands English/);
  });

  it("reports a thrown tool error in one sentence", async () => {
    const tools = {
      complete_task: tool({
        inputSchema: z.object({ id: z.number() }),
        execute: async (): Promise<{ ok: true }> => {
          throw new Error("database is read-only");
        },
      }),
    };
    const result = await generateText({ model: createOfflineModel(), system, prompt: "mark task 1 done", tools, stopWhen: stepCountIs(6) });
    expect(result.text).toBe("Sorry, that didn't work: database is read-only.");
  });
});

describe("doGenerate / doStream contract", () => {
  it("returns tool calls with JSON string input and a v3 finish reason", async () => {
    const model = createOfflineModel({ generateId: () => "id-1" });
    expect(model.specificationVersion).toBe("v3");
    const r = await model.doGenerate(call([{ role: "system", content: system }, user("delete task 2")], ["delete_task"]));
    expect(r.content).toEqual([{ type: "tool-call", toolCallId: "id-1", toolName: "delete_task", input: '{"id":2}' }]);
    expect(r.finishReason).toEqual({ unified: "tool-calls", raw: "tool-calls" });
  });

  it("answers in text when the needed tool is not offered", async () => {
    const r = await createOfflineModel().doGenerate(call([user("delete task 2")], []));
    expect(r.content[0]).toMatchObject({ type: "text" });
    expect(r.finishReason.unified).toBe("stop");
  });

  it("confirms a bulk delete from the previous turn's tool call", async () => {
    const prompt: LanguageModelV3Prompt = [
      { role: "system", content: system },
      user("delete everything I finished"),
      { role: "assistant", content: [{ type: "tool-call", toolCallId: "c1", toolName: "delete_tasks", input: { filter: { status: "completed" } } }] },
      { role: "tool", content: [{ type: "tool-result", toolCallId: "c1", toolName: "delete_tasks", output: { type: "json", value: { preview: true, would_delete: [{ id: 2, title: "Call mom" }] } } }] },
      { role: "assistant", content: [{ type: "text", text: "Delete this task?\n- “Call mom” (task 2)" }] },
      user("yes"),
    ];
    const r = await createOfflineModel().doGenerate(call(prompt));
    expect(r.content[0]).toMatchObject({ type: "tool-call", toolName: "delete_tasks" });
    expect(JSON.parse((r.content[0] as { input: string }).input)).toEqual({ ids: [2], confirm: true });
  });

  it("falls back to task numbers in earlier replies when history is text only", async () => {
    const prompt: LanguageModelV3Prompt = [
      user("add buy milk"),
      { role: "assistant", content: [{ type: "text", text: "Added “Buy milk” (task 7)." }] },
      user("mark it done"),
    ];
    const r = await createOfflineModel().doGenerate(call(prompt));
    expect(r.content[0]).toMatchObject({ type: "tool-call", toolName: "complete_task", input: '{"id":7}' });
  });

  it("streams the same decision as parts", async () => {
    const { stream } = await createOfflineModel().doStream(call([user("show my tasks")]));
    const parts = [];
    const reader = stream.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
    expect(parts.map((p) => p.type)).toEqual(["stream-start", "response-metadata", "tool-input-start", "tool-input-delta", "tool-input-end", "tool-call", "finish"]);
  });
});

describe("chunkText", () => {
  it("keeps every character", () => {
    const text = "Delete these 2 tasks?\n- “A” (task 1)\n- “B” (task 2)";
    expect(chunkText(text).join("")).toBe(text);
    expect(chunkText(text).length).toBeGreaterThan(2);
  });
});
