/**
 * Runs every eval case through the real AI SDK tool loop (streamText, tools,
 * stepCountIs(6)) with the offline model over the real task tools and an in-memory PGlite database, prints
 * the pass rate and fails below the threshold, listing what went wrong.
 */
import { stepCountIs, streamText, type ModelMessage, type ToolSet } from "ai";
import { describe, expect, it } from "vitest";
import { formatClock } from "../clock.ts";
import { createOfflineModel } from "../model.ts";
import { CASES, NOW, SEED, type EvalCase, type ExpectedCall } from "./cases.ts";
import { BRIEF, ROUND2 } from "./cases-round2.ts";
import { ROUND2_VARIANTS } from "./cases-round2-variants.ts";
import { claimProblems } from "./claims.ts";
import { openRealTools, type SeedTask } from "./real-tools.ts";

type ToolsFor = (seed: SeedTask[], clock: { now: Date; timeZone: string }, lists?: string[]) => Promise<ToolSet>;

/** Set from the measured rate, with a little room; raise it as the interpreter improves. */
const THRESHOLD = 0.95;
/**
 * The round-2 held-out set's floors: its first run, before any tuning for it, scored
 * ROUND2_FIRST_SCORE. Raise the floors as the interpreter improves; the targets are 95 % and 100 %.
 */
export const ROUND2_FIRST_SCORE = "38/84 (45.2%), brief examples 6/8 — 2026-12-02, before any tuning";
const ROUND2_FLOOR = 83 / 84;
const BRIEF_FLOOR = 8 / 8;
/** Written alongside the round-2 fixes (not held out): every one must pass. */
const VARIANTS_FLOOR = 1;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Expected ⊆ actual; arrays match element-wise with the same length; date-times compare as instants. */
export function subsetMatch(expected: unknown, actual: unknown): boolean {
  if (typeof expected === "string" && typeof actual === "string" && ISO_DATE_TIME.test(expected)) return Date.parse(expected) === Date.parse(actual);
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => subsetMatch(e, actual[i]));
  if (expected && typeof expected === "object") {
    if (!actual || typeof actual !== "object") return false;
    return Object.entries(expected).every(([k, v]) => subsetMatch(v, (actual as Record<string, unknown>)[k]));
  }
  return Object.is(expected, actual);
}

function callsMatch(expected: ExpectedCall[], actual: { tool: string; args: unknown }[]): boolean {
  return expected.length === actual.length && expected.every((e, i) => e.tool === actual[i]!.tool && subsetMatch(e.args ?? {}, actual[i]!.args));
}

/** Every honesty failure of the run (the target is none, on every set). */
const claimFailures: string[] = [];

async function runCase(c: EvalCase, toolsFor: ToolsFor): Promise<string[]> {
  const now = new Date(c.now ?? NOW);
  const timeZone = c.timeZone ?? "UTC";
  const clock = { now, timeZone };
  const tools = await toolsFor(c.seed ?? SEED, clock, c.lists);
  const system = `You are Tickler, a todo assistant.\n${formatClock(now, timeZone)}`;
  const model = createOfflineModel({ now: () => now });
  const messages: ModelMessage[] = [];
  const problems: string[] = [];
  const seen: unknown[] = [];
  for (const turn of c.turns) {
    messages.push({ role: "user", content: turn.say });
    const result = streamText({ model, system, messages, tools, stopWhen: stepCountIs(6) });
    const text = await result.text;
    const steps = await result.steps;
    messages.push(...(await result.responseMessages)); // every step's messages (ai 7: response.messages is the last step's)
    const calls = steps.flatMap((s) => s.toolCalls.map((tc) => ({ tool: tc.toolName, args: tc.input })));
    if (turn.calls && !callsMatch(turn.calls, calls)) {
      problems.push(`“${turn.say}”: expected ${JSON.stringify(turn.calls)}\n      got ${JSON.stringify(calls)}\n      reply: ${JSON.stringify(text)}`);
    } else if (turn.reply && !turn.reply.test(text)) {
      problems.push(`“${turn.say}”: reply ${JSON.stringify(text)} does not match ${turn.reply}`);
    }
    if (/\b[0-9a-f]{8}-[0-9a-f]{4}-/.test(text)) problems.push(`“${turn.say}”: reply leaks an internal id`);
    // Honesty, on every case: the reply's claims against what the tools returned.
    const results = new Map(steps.flatMap((s) => s.toolResults.map((r) => [r.toolCallId, r.output] as const)));
    const made = steps.flatMap((s) => s.toolCalls.map((tc) => ({ tool: tc.toolName, args: tc.input, result: results.get(tc.toolCallId) })));
    for (const p of claimProblems(text, made, seen)) {
      claimFailures.push(`${c.name} / “${turn.say}”: ${p} — reply ${JSON.stringify(text)}`);
      problems.push(`“${turn.say}”: ${p}`);
    }
    seen.push(...made.map((m) => m.result));
  }
  return problems;
}

describe("offline assistant eval", () => {
  it("has enough varied cases", () => {
    const utterances = CASES.reduce((n, c) => n + c.turns.length, 0);
    expect(utterances).toBeGreaterThanOrEqual(90);
    expect(CASES.filter((c) => c.turns.length > 1).length).toBeGreaterThanOrEqual(15);
  });

  async function runAll(label: string, cases: EvalCase[], threshold: number, toolsFor: ToolsFor) {
    const failures: { name: string; problems: string[] }[] = [];
    claimFailures.length = 0;
    for (const c of cases) {
      const problems = await runCase(c, toolsFor);
      if (problems.length) failures.push({ name: c.name, problems });
    }
    const passed = cases.length - failures.length;
    const utterances = cases.reduce((n, c) => n + c.turns.length, 0);
    console.log(`offline assistant eval (${label}): ${passed}/${cases.length} passed (${((100 * passed) / cases.length).toFixed(1)}%), ${utterances} utterances`);
    for (const f of failures) console.log(`  FAIL ${f.name}\n    ${f.problems.join("\n    ")}`);
    expect(passed / cases.length).toBeGreaterThanOrEqual(threshold);
    expect(claimFailures, "replies that claim something other than what the tools did").toEqual([]);
  }

  it(`passes at least ${THRESHOLD * 100}% of the cases over the real tools (PGlite)`, async () => {
    const real = await openRealTools();
    try {
      await runAll("real tools", CASES, THRESHOLD, real.toolsFor);
    } finally {
      await real.close();
    }
  }, 120_000);

  it(`round-2 held-out set: at least ${(ROUND2_FLOOR * 100).toFixed(0)}% (target 95%, brief examples 100%)`, async () => {
    expect(ROUND2.length).toBeGreaterThanOrEqual(80);
    const real = await openRealTools();
    try {
      await runAll("round-2 held-out, brief examples", BRIEF, BRIEF_FLOOR, real.toolsFor);
      await runAll("round-2 held-out", ROUND2, ROUND2_FLOOR, real.toolsFor);
      await runAll("round-2 variants (tuned on)", ROUND2_VARIANTS, VARIANTS_FLOOR, real.toolsFor);
    } finally {
      await real.close();
    }
  }, 180_000);
});
