/**
 * Prints what the offline assistant does for every eval case (or for the
 * utterances given as arguments), for reading and tuning:
 *   node --import tsx src/assistant/models/offline/eval/transcript.ts ["show my tasks" …]
 */
import { stepCountIs, streamText, type ModelMessage } from "ai";
import { formatClock } from "../clock.ts";
import { createOfflineModel } from "../model.ts";
import { CASES, NOW, SEED, type EvalCase } from "./cases.ts";
import { openRealTools, type RealTools } from "./real-tools.ts";

export async function transcript(c: EvalCase, real: RealTools): Promise<string> {
  const now = new Date(c.now ?? NOW);
  const timeZone = c.timeZone ?? "UTC";
  const tools = await real.toolsFor(c.seed ?? SEED, { now, timeZone });
  const messages: ModelMessage[] = [];
  const lines: string[] = [];
  for (const turn of c.turns) {
    messages.push({ role: "user", content: turn.say });
    const r = streamText({ model: createOfflineModel(), system: formatClock(now, timeZone), messages, tools, stopWhen: stepCountIs(6) });
    const text = await r.text;
    const calls = (await r.steps).flatMap((s) => s.toolCalls.map((tc) => `  ${tc.toolName} ${JSON.stringify(tc.input)}`));
    messages.push(...(await r.responseMessages));
    lines.push(`> ${turn.say}`, ...calls, `  = ${text.replace(/\n/g, "\n    ")}`);
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const cases: EvalCase[] = args.length ? [{ name: "cli", turns: args.map((say) => ({ say })) }] : CASES;
  const real = await openRealTools();
  for (const c of cases) console.log(await transcript(c, real));
  await real.close();
}
