/** The offline model creates recurring tasks from "… every …" through add_task, and completes them onto their next date. */
import { generateText, stepCountIs } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatClock } from "./clock.ts";
import { openRealTools, type RealTools } from "./eval/real-tools.ts";
import { createOfflineModel } from "./model.ts";

const now = new Date("2026-11-28T10:00:00Z");
let real: RealTools;
beforeAll(async () => {
  real = await openRealTools();
});
afterAll(() => real.close());

const run = async (prompt: string, seed: Parameters<RealTools["toolsFor"]>[0] = [], timeZone = "UTC") =>
  generateText({
    model: createOfflineModel(),
    system: formatClock(now, timeZone),
    prompt,
    tools: await real.toolsFor(seed, { now, timeZone }),
    stopWhen: stepCountIs(6),
  });

describe("offline model and recurring tasks", () => {
  it("'pay rent every month' creates a recurring task due at its first occurrence", async () => {
    const r = await run("pay rent every month");
    const call = r.steps[0]!.toolCalls[0]!;
    expect(call.toolName).toBe("add_task");
    expect(call.input).toMatchObject({ title: "Pay rent", recurrence: { rule: "FREQ=MONTHLY", text: "every month" } });
    const result = r.steps[0]!.toolResults[0]!.output as { task: { recurrence: unknown; due_at: string } };
    expect(result.task.recurrence).toEqual({ rule: "FREQ=MONTHLY", text: "every month", from: "due" });
    expect(result.task.due_at).toBe("2026-11-28T23:59:59.000Z");
    expect(r.text).toMatch(/Pay rent.*repeating every month/);
  });

  it.each([
    ["add water plants every monday at 9am", "every Monday at 9am", "2026-11-30T08:00:00.000Z"],
    ["remember to call mom every sunday at 6pm", "every Sunday at 6pm", "2026-11-29T17:00:00.000Z"],
    ["gym every mon, wed, fri at 7am", "every Monday, Wednesday and Friday at 7am", "2026-11-30T06:00:00.000Z"],
  ])("%s (Berlin)", async (prompt, text, due) => {
    const r = await run(prompt, [], "Europe/Berlin");
    const result = r.steps[0]!.toolResults[0]!.output as { task: { recurrence: { text: string }; due_at: string } };
    expect(result.task.recurrence.text).toBe(text);
    expect(result.task.due_at).toBe(due);
  });
});
