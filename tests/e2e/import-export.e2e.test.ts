/**
 * Import and export on the account page, in Chromium: pick a Todoist CSV, see
 * the preview (lists, counts, what cannot be mapped), import it, find the
 * tasks in the app; download the tasks as CSV.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openPage } from "./support/browser.ts";
import { SCREENSHOTS, useE2eApp } from "./support/e2e-app.ts";
import { signUpInContext, uniqueEmail } from "./support/seed.ts";

const app = useE2eApp();
const TODOIST = fileURLToPath(new URL("../fixtures/import/todoist-template.csv", import.meta.url));

describe("import and export", () => {
  it("previews a Todoist CSV, imports it all at once, and exports tasks as CSV", async () => {
    const { page, context, errors } = await openPage(app.browser, app.server.url);
    await signUpInContext(context, app.server.url, { name: "Ann Import", email: uniqueEmail("import"), password: "import password 1" });
    await page.goto("/account");
    const section = page.getByTestId("import-section");
    await section.scrollIntoViewIfNeeded();

    await page.getByTestId("import-file").setInputFiles(TODOIST);
    // The format is recognised and the list name comes from the file name.
    await expect.poll(() => page.getByTestId("import-format").inputValue()).toBe("todoist-csv");
    await expect.poll(() => page.getByTestId("import-list").inputValue()).toBe("todoist-template");
    await page.getByTestId("import-list").fill("Shopping");
    await page.getByTestId("import-preview").click();
    const summary = page.getByTestId("import-summary");
    await expect.poll(() => summary.textContent()).toMatch(/4 tasks \(1 subtask, 0 completed, 1 with a due date, 1 repeating/);
    expect(await summary.textContent()).toContain("Shopping — new list, 4 tasks, 2 sections");
    await page.getByTestId("import-issues").locator("summary").click();
    expect(await page.getByTestId("import-issues").textContent()).toContain("“sometime when the moon is blue” was not understood");
    await section.screenshot({ path: `${SCREENSHOTS}import-preview.png` });

    await page.getByTestId("import-confirm").click();
    await expect.poll(() => page.getByTestId("import-status").textContent()).toBe("Imported 4 tasks into Shopping.");
    await expect.poll(() => page.getByTestId("import-confirm").count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-export-csv").click()]);
    expect(download.suggestedFilename()).toBe("tickler-tasks.csv");
    const csv = await readFile(await download.path(), "utf8");
    expect(csv).toContain("Buy milk,Semi-skimmed,Shopping,Groceries,,high,errands shop");

    await page.goto("/");
    await expect.poll(() => page.getByText("Buy milk").count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
