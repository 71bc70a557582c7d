/** Runs axe-core in the page and returns the serious and critical violations, readably. */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { animationsFinished } from "./browser.ts";

const require = createRequire(import.meta.url);
const axeSource: string = (require("axe-core") as { source: string }).source;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // Mid-animation colours (fades, slide-ins) would be measured as low contrast.
  await animationsFinished(page);
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
}
