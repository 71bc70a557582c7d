/**
 * Recurring tasks in the browser: the editor's Repeat field previews what the
 * grammar understood, the row shows a repeat mark, completing moves the task to
 * its next date (Undo puts it back), and the account page sets the time zone.
 */
import { describe, expect, it } from "vitest";
import { SignUpPage } from "../pages/auth-pages.ts";
import { TasksPage } from "../pages/tasks-page.ts";
import { openPage } from "./support/browser.ts";
import { useE2eApp } from "./support/e2e-app.ts";
import { uniqueEmail } from "./support/seed.ts";

/** Screenshots for a human to look at: RECURRENCE_SCREENSHOTS=<dir>, RECURRENCE_SHOT_LOOK=mobile-dark for 390×844 dark. */
const SHOTS = process.env.RECURRENCE_SCREENSHOTS;
const LOOK = process.env.RECURRENCE_SHOT_LOOK === "mobile-dark" ? ({ viewport: { width: 390, height: 844 }, colorScheme: "dark" } as const) : {};

const app = useE2eApp();

describe("recurring tasks in the web app", () => {
  it("sets a repeat in the editor, completes onto the next date, undoes, and edits the time zone", async () => {
    const { page, errors } = await openPage(app.browser, app.server.url, { timezoneId: "Europe/Berlin", ...LOOK });
    const tasks = new TasksPage(page);
    await page.goto("/sign-up");
    await new SignUpPage(page).signUp({
      name: "Rhea Peat",
      email: uniqueEmail("rhea"),
      password: "correct horse battery",
    });
    await tasks.ready();

    // A new account takes the browser's zone.
    await expect
      .poll(
        async () =>
          page
            .evaluate(async () => (await (await fetch("/api/auth/token")).json()).token as string)
            .then((token) =>
              page.evaluate(
                async (t) =>
                  (await (await fetch("/api/me/settings", { headers: { authorization: `Bearer ${t}` } })).json())
                    .time_zone as string,
                token,
              ),
            ),
        { timeout: 15_000 },
      )
      .toBe("Europe/Berlin");

    await tasks.quickAdd("Water plants");
    await tasks.settled();
    await tasks.item("Water plants").getByTestId("task-edit").click();
    const editor = page.getByTestId("task-editor");
    await editor.getByTestId("editor-due-date").fill("2030-01-07");
    await editor.getByTestId("editor-due-time").fill("09:00");
    await editor.getByTestId("editor-repeat").fill("every blue moon");
    await expect.poll(() => editor.getByTestId("editor-repeat-preview").innerText()).toMatch(/Not understood/);
    await editor.getByTestId("editor-repeat").fill("every monday at 9am");
    await expect
      .poll(() => editor.getByTestId("editor-repeat-preview").innerText())
      .toMatch(/Repeats every Monday at 9am/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/editor-repeat.png` });
    await editor.getByTestId("editor-save").click();
    await editor.waitFor({ state: "hidden" });
    await tasks.settled();

    const row = tasks.item("Water plants");
    await row.getByTestId("task-repeat").waitFor();
    await expect(row.getByTestId("task-repeat").getAttribute("title")).resolves.toBe("Repeats every Monday at 9am");
    const dueBefore = await row.getByTestId("task-due").getAttribute("title");
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/row-repeat.png` });

    // Completing keeps it in the list, due a week later; Undo brings the date back.
    await tasks.toggle("Water plants");
    await expect.poll(() => row.getByTestId("task-due").getAttribute("title"), { timeout: 10_000 }).not.toBe(dueBefore);
    await expect(row.getByTestId("task-due").getAttribute("title")).resolves.toMatch(/14/);
    await tasks.undo("Completed");
    await expect.poll(() => row.getByTestId("task-due").getAttribute("title"), { timeout: 10_000 }).toBe(dueBefore);

    // Quick-add saves a repeat too: its chip shows the rule, and the first occurrence becomes the due date.
    await page.getByTestId("quick-add-input").fill("Pay rent every month on the 15th");
    await expect.poll(() => page.getByTestId("chip-recurrence").innerText()).toMatch(/Repeats every month on the 15th/);
    await page.getByTestId("quick-add-input").press("Enter");
    await tasks.settled();
    const rent = tasks.item("Pay rent");
    await rent.getByTestId("task-repeat").waitFor();
    await expect(rent.getByTestId("task-repeat").getAttribute("title")).resolves.toBe("Repeats every month on the 15th");
    await expect.poll(() => rent.getByTestId("task-due").getAttribute("title")).toMatch(/15/);

    // The account page edits the stored zone.
    await page.goto("/account");
    const input = page.getByTestId("time-zone-input");
    await expect.poll(() => input.inputValue()).toBe("Europe/Berlin");
    await input.fill("Asia/Kolkata");
    await page.getByTestId("time-zone-save").click();
    await expect.poll(() => page.getByTestId("time-zone-status").innerText()).toMatch(/Saved: Asia\/Kolkata/);
    if (SHOTS)
      await page
        .getByTestId("time-zone-input")
        .scrollIntoViewIfNeeded()
        .then(() => page.screenshot({ path: `${SHOTS}/account-tz.png` }));
    expect(errors).toEqual([]);
  });
});
