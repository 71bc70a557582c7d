import { describe, expect, it } from "vitest";
import { systemPrompt } from "./prompt.ts";

describe("the real-LLM system prompt", () => {
  const prompt = systemPrompt(new Date("2026-11-28T10:00:00Z"), "UTC");
  it("tells the model to answer in the user's language", () => {
    expect(prompt).toMatch(/Answer in the language the user writes in \(e\.g\. Urdu, Spanish\)/);
  });
  it("names update_tasks for bulk changes and asks before any bulk write", () => {
    expect(prompt).toMatch(/→ update_tasks with a filter/);
    expect(prompt).toMatch(/delete_tasks \/ update_tasks without confirm to preview/);
  });
});
