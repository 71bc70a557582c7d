/**
 * The date views in Chromium: Today's overdue group with "Reschedule all to
 * today" and its Undo, Upcoming by day with projected repeats and per-day
 * quick-add, the calendar's month and week (drag to reschedule, click or
 * keyboard to add on a day), the account page's feed URL, screenshots
 * (test-results/screenshots/dates-*.png) and axe.
 */
import type { BrowserContext, Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Task } from "../../src/contracts/task.ts";
import { TasksPage } from "../pages/tasks-page.ts";
import { seriousA11yViolations } from "./support/axe.ts";
import { openPage } from "./support/browser.ts";
import { SCREENSHOTS, useE2eApp } from "./support/e2e-app.ts";
import { signUpInContext, tokenInContext, uniqueEmail } from "./support/seed.ts";

const app = useE2eApp();

interface Signed {
  page: Page;
  context: BrowserContext;
  errors: string[];
  tasks: TasksPage;
  api: (method: string, path: string, body?: unknown) => Promise<unknown>;
}

/** A signed-in page in Berlin, British English; projections answered by `occurrences` (the route may not exist yet). */
async function signedIn(
  options: Parameters<typeof openPage>[2] = {},
  occurrences: (from: string, to: string) => unknown[] = () => [],
): Promise<Signed> {
  const tracked = await openPage(app.browser, app.server.url, {
    timezoneId: "Europe/Berlin",
    locale: "en-GB",
    ...options,
  });
  await signUpInContext(tracked.context, app.server.url, {
    name: "Date Viewer",
    email: uniqueEmail("dates"),
    password: "correct horse battery",
  });
  const token = await tokenInContext(tracked.context, app.server.url);
  await tracked.page.route("**/api/me/tasks/occurrences?*", (route) => {
    const q = new URL(route.request().url()).searchParams;
    return route.fulfill({ json: { occurrences: occurrences(q.get("from")!, q.get("to")!) } });
  });
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await tracked.context.request.fetch(`${app.server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}` },
      data: body,
    });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.status() === 204 ? undefined : res.json();
  };
  return { ...tracked, tasks: new TasksPage(tracked.page), api };
}

/** Local wall time in the page's zone → ISO, computed in the page (Berlin), `days` from today. */
const localIso = (page: Page, days: number, h: number, m: number) =>
  page.evaluate(
    ([d, hh, mm]) => {
      const x = new Date();
      x.setDate(x.getDate() + d!);
      x.setHours(hh!, mm, 0, 0);
      return x.toISOString();
    },
    [days, h, m],
  );
const dayKeyIn = (page: Page, days: number) =>
  page.evaluate((d) => {
    const x = new Date();
    x.setDate(x.getDate() + d);
    return `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, "0")}-${String(x.getDate()).padStart(2, "0")}`;
  }, days);
const titlesIn = (scope: Locator) => scope.getByTestId("task-title").allTextContents();
const dueOf = async (s: Signed, title: string) => {
  const { tasks } = (await s.api("GET", "/api/me/tasks?limit=100")) as { tasks: Task[] };
  return tasks.find((t) => t.title === title)?.due_at ?? null;
};
const mk = (s: Signed, title: string, due_at?: string) =>
  s.api("POST", "/api/me/tasks", { title, due_at }) as Promise<Task>;

/** Drags with small pointer steps, as a person does (dnd-kit starts a drag after 6 px). */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

describe("date views", () => {
  it("Today: overdue tasks in their own group; Reschedule all moves them with one bulk request; Undo puts each back", async () => {
    const s = await signedIn();
    const { page } = s;
    const old1 = await localIso(page, -1, 10, 0);
    const old2 = await localIso(page, -3, 18, 30);
    await mk(s, "Overdue A", old2);
    await mk(s, "Overdue B", old1);
    await mk(s, "Due today", await localIso(page, 0, 23, 0));
    const bulk: string[] = [];
    page.on("request", (r) => r.url().endsWith("/api/me/tasks/bulk") && bulk.push(r.method()));

    await s.tasks.goto("/?view=today");
    const group = page.getByTestId("overdue-group");
    await expect.poll(() => titlesIn(group)).toEqual(["Overdue A", "Overdue B"]);
    await page.getByTestId("reschedule-all").click();
    await expect.poll(() => group.count()).toBe(0);
    await expect
      .poll(() => titlesIn(page.getByTestId("task-list")))
      .toEqual(expect.arrayContaining(["Overdue A", "Overdue B", "Due today"]));
    expect(bulk).toEqual(["POST"]);
    const endOfToday = await localIso(page, 0, 23, 59);
    expect(await dueOf(s, "Overdue A")).toBe(endOfToday);

    await page.getByTestId("toast").filter({ hasText: "Moved 2 tasks to today" }).getByTestId("toast-action").click();
    await expect.poll(() => titlesIn(page.getByTestId("overdue-group"))).toEqual(["Overdue A", "Overdue B"]);
    expect(await dueOf(s, "Overdue A")).toBe(old2);
    expect(await dueOf(s, "Overdue B")).toBe(old1);

    // Quick-add in Today: no date typed → due today, so it stays in view.
    await s.tasks.quickAdd("buy stamps");
    await s.tasks.settled();
    await expect.poll(() => dueOf(s, "buy stamps")).toBe(endOfToday);
    await expect.poll(() => titlesIn(page.locator('[data-testid="task-list"]').last())).toContain("buy stamps");
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it("Upcoming: 14 days with a heading each, tasks on their local day, read-only repeats, and a per-day add box", async () => {
    let repeat: { id: number; on: string } | null = null;
    const s = await signedIn({}, () =>
      repeat ? [{ task_id: repeat.id, title: "Water plants", due_at: repeat.on, list_id: 1 }] : [],
    );
    const { page } = s;
    // 00:30 in Berlin the day after tomorrow is still that day here, though it is the day before in UTC.
    await mk(s, "Early call", await localIso(page, 2, 0, 30));
    await mk(s, "Tomorrow thing", await localIso(page, 1, 23, 59));
    const recurring = await mk(s, "Water plants", await localIso(page, 0, 8, 0));
    repeat = { id: recurring.id, on: await localIso(page, 3, 8, 0) };

    await s.tasks.goto("/?view=upcoming");
    const groups = page.getByTestId("day-group");
    await expect.poll(() => page.getByTestId("day-heading").count()).toBe(14);
    const headings = await page.getByTestId("day-heading").allInnerTexts();
    expect(headings[0]).toMatch(/^Today/);
    expect(headings[1]).toMatch(/^Tomorrow/);
    expect(headings[2]).toMatch(/^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}/);
    const day = async (n: number) => groups.and(page.locator(`[data-day="${await dayKeyIn(page, n)}"]`));
    await expect.poll(async () => titlesIn(await day(0))).toEqual(["Water plants"]);
    await expect.poll(async () => titlesIn(await day(1))).toEqual(["Tomorrow thing"]);
    await expect.poll(async () => titlesIn(await day(2))).toEqual(["Early call"]);
    // The projection: muted preview with no checkbox, not a task row.
    const preview = (await day(3)).getByTestId("occurrence");
    await expect.poll(() => preview.count()).toBe(1);
    expect(await preview.innerText()).toMatch(/Water plants/);
    expect(await (await day(3)).getByTestId("task-toggle").count()).toBe(0);

    // Add on day 5: no date typed → due that day (all day).
    const d5 = await day(5);
    await d5.getByTestId("day-add").click();
    await d5.getByTestId("quick-add-input").fill("renew passport");
    await d5.getByTestId("quick-add-input").press("Enter");
    await expect.poll(async () => titlesIn(await day(5))).toEqual(["renew passport"]);
    await expect.poll(() => dueOf(s, "renew passport")).toBe(await localIso(page, 5, 23, 59));
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it("Calendar: drag a task to another day keeps its time; click a day or use the keyboard to add a task on it; week view too", async () => {
    const s = await signedIn();
    const { page } = s;
    // A mid-month anchor keeps both days on one month grid whatever today is.
    const { anchor, from, to, next } = await page.evaluate(() => {
      const d = new Date();
      const key = (x: Date) =>
        `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, "0")}-${String(x.getDate()).padStart(2, "0")}`;
      return {
        anchor: key(new Date(d.getFullYear(), d.getMonth(), 10)),
        from: key(new Date(d.getFullYear(), d.getMonth(), 10)),
        to: key(new Date(d.getFullYear(), d.getMonth(), 17)),
        next: key(new Date(d.getFullYear(), d.getMonth(), 18)),
      };
    });
    const at = (key: string, h: number, m: number) => {
      const [y, mo, d] = key.split("-").map(Number);
      return page.evaluate(
        ([yy, mm, dd, hh, mi]) => new Date(yy!, mm! - 1, dd, hh, mi).toISOString(),
        [y, mo, d, h, m],
      );
    };
    await mk(s, "Dentist", await at(from, 14, 30));

    await s.tasks.goto(`/?view=calendar&date=${anchor}`);
    const cell = (key: string) => page.locator(`[data-testid="cal-day"][data-day="${key}"]`);
    const chip = cell(from).getByTestId("cal-task");
    await chip.waitFor();
    await drag(page, chip.locator("button"), cell(to));
    await expect.poll(() => dueOf(s, "Dentist")).toBe(await at(to, 14, 30));
    await expect.poll(() => cell(to).getByTestId("cal-task").count()).toBe(1);
    // Undo from the toast moves it back.
    await page.getByTestId("toast").filter({ hasText: "Moved" }).getByTestId("toast-action").click();
    await expect.poll(() => dueOf(s, "Dentist")).toBe(await at(from, 14, 30));

    // Click a day: its add box takes focus; a task typed without a date is due that day.
    await cell(to).click({ position: { x: 40, y: 70 } });
    const panel = page.getByTestId("cal-day-panel");
    await expect.poll(() => panel.getAttribute("data-day")).toBe(to);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`quick-add-${to}-input`);
    await page.keyboard.type("book hotel");
    await page.keyboard.press("Enter");
    await expect.poll(() => dueOf(s, "book hotel")).toBe(await at(to, 23, 59));
    await expect.poll(() => titlesIn(panel)).toEqual(["book hotel"]);

    // Keyboard: focus the selected day, arrow right to the next, Enter adds on it.
    await cell(to).getByTestId("cal-day-button").focus();
    await page.keyboard.press("ArrowRight");
    // Focus moves when the grid re-renders, not by the time the key press returns.
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest<HTMLElement>("[data-testid=cal-day]")?.dataset.day),
      )
      .toBe(next);
    await expect.poll(() => panel.getAttribute("data-day")).toBe(next);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`quick-add-${next}-input`);
    await page.keyboard.type("pack bags");
    await page.keyboard.press("Enter");
    await expect.poll(() => dueOf(s, "pack bags")).toBe(await at(next, 23, 59));

    // Week view: the selected day's week, seven cells; drag within it.
    await page.getByTestId("cal-mode-week").click();
    await expect.poll(() => page.getByTestId("cal-day").count()).toBe(7);
    const hotel = page.locator('[data-testid="cal-task"]').filter({ hasText: "book hotel" });
    await hotel.waitFor();
    await drag(page, hotel.locator("button"), cell(next));
    await expect.poll(() => dueOf(s, "book hotel")).toBe(await at(next, 23, 59));
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it("Account: the feed URL is shown once with a copy button, replaced and turned off", async () => {
    const s = await signedIn();
    const { page } = s;
    await mk(s, "Feed me", await localIso(page, 1, 9, 0));
    await page.goto("/account");
    await page.getByTestId("feed-make").click();
    const url = await page.getByTestId("feed-url").inputValue();
    expect(url).toMatch(/\/cal\/[A-Za-z0-9_-]{43}\.ics$/);
    await page.getByTestId("calendar-feed-section").screenshot({ path: `${SCREENSHOTS}dates-feed-section.png` });
    const res = await s.context.request.get(url);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain("SUMMARY:Feed me");
    await page.getByTestId("feed-make").click();
    await expect.poll(() => page.getByTestId("feed-url").inputValue()).not.toBe(url);
    expect((await s.context.request.get(url)).status()).toBe(404);
    await page.getByTestId("feed-revoke").click();
    await expect.poll(() => page.getByTestId("feed-url-box").count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByTestId("feed-make").innerText()).toBe("Make a feed URL");
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
  it.each(
    (["light", "dark"] as const).flatMap((scheme) =>
      (Object.keys(SIZES) as (keyof typeof SIZES)[]).map((size) => [scheme, size] as const),
    ),
  )("screenshots and axe: %s, %s", async (colorScheme, size) => {
    const phone = size === "phone";
    // bypassCSP: axe is injected as an inline script.
    const s = await signedIn(
      { colorScheme, viewport: SIZES[size], isMobile: phone, hasTouch: phone, bypassCSP: true },
      (from) => {
        const d = new Date(from);
        d.setDate(d.getDate() + 4);
        d.setHours(8, 0, 0, 0);
        return [{ task_id: 3, title: "Stand-up", due_at: d.toISOString(), list_id: 1 }];
      },
    );
    const { page } = s;
    await mk(s, "Send invoice", await localIso(page, -2, 9, 0));
    await mk(s, "Renew insurance", await localIso(page, -1, 23, 59));
    await mk(s, "Stand-up", await localIso(page, 0, 9, 30));
    await mk(s, "Call the bank", await localIso(page, 1, 11, 0));
    await mk(s, "Dinner with Sam", await localIso(page, 2, 19, 30));
    await mk(s, "Pay rent", await localIso(page, 5, 23, 59));
    const shots: [string, string, string][] = [
      ["today", "/?view=today", '[data-testid="overdue-group"]'],
      ["upcoming", "/?view=upcoming", '[data-testid="occurrence"]'],
      // On a phone the month grid shows counts, not chips.
      ["month", "/?view=calendar", phone ? ".cal-day-count" : '[data-testid="cal-task"]'],
      ["week", "/?view=calendar&mode=week", '[data-testid="cal-task"]'],
    ];
    for (const [name, path, ready] of shots) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      await page.screenshot({
        path: `${SCREENSHOTS}dates-${name}-${colorScheme}-${size}.png`,
        fullPage: name !== "upcoming",
      });
      expect(await seriousA11yViolations(page), name).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, name).toBeLessThanOrEqual(0);
    }
    expect(s.errors).toEqual([]);
    await s.context.close();
  });
});
