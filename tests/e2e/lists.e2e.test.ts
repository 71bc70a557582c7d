/**
 * Lists in Chromium: the sidebar (add, rename, delete with the move/delete
 * choice and the server's 409), drag and drop on a list page by mouse and by
 * keyboard (order and nesting), the board, bulk select with one Undo, dropping
 * on a sidebar list, and the quick-add offer to create an unknown #List.
 * Screenshots in test-results/screenshots/lists-*.png.
 */
import type { BrowserContext, Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TasksPage } from "../pages/tasks-page.ts";
import { seriousA11yViolations } from "./support/axe.ts";
import { animationsFinished, openPage } from "./support/browser.ts";
import { SCREENSHOTS, useE2eApp } from "./support/e2e-app.ts";
import { signUpInContext, tokenInContext, uniqueEmail } from "./support/seed.ts";
import { TASKS_CHANGED_DEBOUNCE_MS } from "../../web/src/lib/tasks-events.ts";

const app = useE2eApp();

interface ApiTask {
  id: number;
  title: string;
  list_id: number;
  section_id: number | null;
  parent_id: number | null;
  position: number;
  priority: string;
  completed: boolean;
  tags: string[];
}

async function signedIn(options: Parameters<typeof openPage>[2] = {}) {
  const tracked = await openPage(app.browser, app.server.url, {
    timezoneId: "Europe/Berlin",
    locale: "en-GB",
    ...options,
  });
  await signUpInContext(tracked.context, app.server.url, {
    name: "List Keeper",
    email: uniqueEmail("lists"),
    password: "correct horse battery",
  });
  const token = await tokenInContext(tracked.context, app.server.url);
  return { ...tracked, tasks: new TasksPage(tracked.page), api: api(tracked.context, token) };
}

function api(context: BrowserContext, token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  const url = (p: string) => `${app.server.url}/api/me${p}`;
  const send = async <T>(method: string, path: string, data?: unknown): Promise<T> => {
    const res = await context.request.fetch(url(path), { method, data, headers });
    if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (res.status() === 204 ? null : await res.json()) as T;
  };
  return {
    list: (name: string, color = "green") => send<{ id: number }>("POST", "/lists", { name, color }),
    section: (listId: number, name: string) => send<{ id: number }>("POST", `/lists/${listId}/sections`, { name }),
    task: (title: string, extra: Record<string, unknown> = {}) => send<ApiTask>("POST", "/tasks", { title, ...extra }),
    deleteList: (id: number, tasks: "move" | "delete") => send<null>("DELETE", `/lists/${id}?tasks=${tasks}`),
    tasks: async (query: string) => (await send<{ tasks: ApiTask[] }>("GET", `/tasks?${query}&limit=100`)).tasks,
    lists: async () =>
      (await send<{ lists: { id: number; name: string; is_inbox: boolean }[] }>("GET", "/lists?archived=all")).lists,
  };
}

/** Titles of a list's tasks in the server's order, with subtasks shown as "parent > child". */
async function serverOrder(a: ReturnType<typeof api>, listId: number): Promise<string[]> {
  const all = (await a.tasks(`list_id=${listId}&sort=position`)).sort((x, y) => x.position - y.position);
  const out: string[] = [];
  const walk = (parent: ApiTask | null) => {
    for (const t of all.filter((x) => x.parent_id === (parent?.id ?? null))) {
      out.push(parent ? `${parent.title} > ${t.title}` : t.title);
      walk(t);
    }
  };
  walk(null);
  return out;
}

/** Row titles as shown, top to bottom, indented by nesting depth. */
async function shown(page: Page): Promise<string[]> {
  return page
    .getByTestId("task-item")
    .evaluateAll((rows) =>
      rows.map(
        (r) =>
          `${"  ".repeat(Number(r.getAttribute("data-depth") ?? 0))}${r.querySelector("[data-testid=task-title]")?.textContent ?? ""}`,
      ),
    );
}

/** A real pointer drag (dnd-kit needs several moves past its 4 px activation distance). */
/**
 * Picks a row up from the keyboard. dnd-kit starts listening for the arrow keys
 * in a timer queued by that Space; a timer queued after it runs after it, so
 * no arrow key can arrive before the sensor hears it (Chromium serves input
 * before timers on a busy machine).
 */
async function pickUp(page: Page, handle: Locator) {
  await handle.focus();
  await page.keyboard.press("Space");
  await page.locator(".task-dragging").waitFor();
  await page.evaluate(() => new Promise((done) => setTimeout(done)));
}

/** What the drag announces to screen readers; each step waits for it, so the next key sees the new place. */
const announced = (page: Page) => page.locator('[id^="DndLiveRegion"]').innerText();

async function drag(page: Page, from: Locator, to: Locator, offset: { x?: number; y?: number } = {}) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 5, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2 + (offset.x ?? 0), b.y + b.height / 2 + (offset.y ?? 0), { steps: 12 });
  await page.mouse.up();
}

describe("lists in the browser", () => {
  it("sidebar: add, rename, and delete a list, choosing what happens to its tasks (also after a 409)", async () => {
    const { page, context, errors, tasks, api: a } = await signedIn();
    await tasks.goto("/");
    await page.getByTestId("add-list").click();
    await page.getByTestId("list-name-input").fill("Groceries");
    await page.getByTestId("list-save").click();
    // Adding opens the new list; quick-add there puts tasks into it.
    await page.getByTestId("view-heading").getByText("Groceries").waitFor();
    await tasks.ready();
    await tasks.quickAdd("eggs");
    await tasks.item("eggs").waitFor();
    await tasks.settled();
    const groceries = (await a.lists()).find((l) => l.name === "Groceries")!;
    await expect.poll(() => a.tasks(`list_id=${groceries.id}`).then((ts) => ts.map((t) => t.title))).toEqual(["eggs"]);
    await expect.poll(() => tasks.listRow("Groceries").getByTestId("list-count").innerText()).toMatch(/^1/);

    await tasks.listRow("Groceries").getByTestId("list-more").click();
    await page.getByTestId("list-rename").click();
    await page.getByTestId("list-name-input").fill("Food");
    await page.getByTestId("list-save").click();
    await tasks.listRow("Food").waitFor();
    await expect.poll(() => page.getByTestId("view-heading").innerText()).toBe("Food");

    // Delete with a choice: its task goes to the Inbox. The answer is held back until the live
    // event has come and gone (as on a busy server): the page must not then reload the deleted list.
    let answered = false;
    await page.route(/\/api\/me\/lists\/\d+\?tasks=move$/, async (route) => {
      const response = await route.fetch();
      await new Promise((done) => setTimeout(done, TASKS_CHANGED_DEBOUNCE_MS * 3));
      answered = true;
      await route.fulfill({ response });
    });
    await tasks.listRow("Food").getByTestId("list-more").click();
    await page.getByTestId("list-delete").click();
    const dialog = page.getByTestId("delete-list-dialog");
    await dialog.getByTestId("delete-move").check();
    await dialog.getByTestId("delete-list-confirm").click();
    await expect.poll(() => tasks.listRow("Food").count()).toBe(0);
    expect(answered).toBe(true);
    await page.unrouteAll();
    await expect.poll(() => page.getByTestId("view-heading").innerText()).toBe("To do");
    const inbox = (await a.lists()).find((l) => l.is_inbox)!;
    await expect.poll(() => a.tasks(`list_id=${inbox.id}`).then((ts) => ts.map((t) => t.title))).toEqual(["eggs"]);

    // A list that looked empty but got a task meanwhile: the server says 409, the dialog then asks.
    const garden = await a.list("Garden");
    await page.reload();
    await tasks.ready();
    await tasks.listRow("Garden").getByTestId("list-more").click();
    await page.getByTestId("list-delete").click();
    await expect.poll(() => dialog.innerText()).toMatch(/The list is empty/);
    await a.task("plant tulips", { list_id: garden.id });
    await dialog.getByTestId("delete-list-confirm").click();
    await expect.poll(() => dialog.getByTestId("delete-list-error").innerText()).toMatch(/has tasks now/);
    await dialog.getByTestId("delete-tasks").check();
    await dialog.getByTestId("delete-list-confirm").click();
    await expect.poll(() => tasks.listRow("Garden").count()).toBe(0);
    await expect.poll(() => a.tasks("q=tulips").then((ts) => ts.length)).toBe(0);
    // The one refused request is the 409 this test provoked.
    expect(errors.filter((e) => !/409/.test(e))).toEqual([]);
    await context.close();
  });

  it("leaves a list deleted on another device for To do, without asking the server for it", async () => {
    const { page, context, errors, tasks, api: a } = await signedIn();
    const trip = await a.list("Trip");
    await a.section(trip.id, "Packing");
    await a.task("passport", { list_id: trip.id });
    await tasks.goto(`/?list=${trip.id}`);
    await tasks.item("passport").waitFor();
    const asked: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes(`list_id=${trip.id}`) || r.url().includes(`/lists/${trip.id}/`)) asked.push(r.url());
    });
    await a.deleteList(trip.id, "delete"); // as another device would
    await expect.poll(() => page.getByTestId("view-heading").innerText()).toBe("To do");
    await tasks.ready();
    expect(await page.getByTestId("toast").filter({ hasText: "The list “Trip” was deleted." }).count()).toBe(1);
    await expect.poll(() => tasks.count("all")).toBe(0); // its task went with it
    await page.screenshot({ path: `${SCREENSHOTS}lists-deleted-elsewhere.png` });
    expect(new URL(page.url()).searchParams.get("list")).toBeNull();
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);

    // A link to a list that is not there (any more) lands on To do as well.
    await tasks.goto(`/?list=${trip.id}`);
    await expect.poll(() => page.getByTestId("view-heading").innerText()).toBe("To do");
    await page.getByTestId("toast").filter({ hasText: "That list no longer exists." }).waitFor();
    await context.close();
  });

  it("reorders and nests by mouse, and drops a task on a sidebar list", async () => {
    const { page, context, errors, tasks, api: a } = await signedIn();
    const work = await a.list("Work");
    const other = await a.list("Other");
    for (const t of ["alpha", "bravo", "charlie"]) await a.task(t, { list_id: work.id });
    await tasks.goto(`/?list=${work.id}`);
    await expect.poll(() => shown(page)).toEqual(["alpha", "bravo", "charlie"]);

    await drag(page, tasks.item("charlie").getByTestId("drag-handle"), tasks.item("alpha"), { y: -10 });
    await expect.poll(() => serverOrder(a, work.id)).toEqual(["charlie", "alpha", "bravo"]);
    await expect.poll(() => shown(page)).toEqual(["charlie", "alpha", "bravo"]);

    // Dragged to the right under "alpha": a subtask of it.
    await drag(page, tasks.item("bravo").getByTestId("drag-handle"), tasks.item("bravo").getByTestId("drag-handle"), {
      x: 40,
    });
    await expect.poll(() => serverOrder(a, work.id)).toEqual(["charlie", "alpha", "alpha > bravo"]);
    await expect.poll(() => shown(page)).toEqual(["charlie", "alpha", "  bravo"]);
    await expect.poll(() => tasks.item("alpha").getByTestId("subtask-count").innerText()).toMatch(/0\/1/);
    // Collapsing hides the subtask.
    await tasks.item("alpha").getByTestId("task-collapse").click();
    await expect.poll(() => shown(page)).toEqual(["charlie", "alpha"]);
    await tasks.item("alpha").getByTestId("task-collapse").click();

    // Onto a list in the sidebar: the task moves there.
    await drag(page, tasks.item("charlie").getByTestId("drag-handle"), tasks.listRow("Other"));
    await expect.poll(() => a.tasks(`list_id=${other.id}`).then((ts) => ts.map((t) => t.title))).toEqual(["charlie"]);
    await expect.poll(() => shown(page)).toEqual(["alpha", "  bravo"]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("reorders and nests from the keyboard (Space, arrows, Space)", async () => {
    const { page, context, errors, tasks, api: a } = await signedIn();
    const work = await a.list("Work");
    for (const t of ["one", "two", "three"]) await a.task(t, { list_id: work.id });
    await tasks.goto(`/?list=${work.id}`);
    await expect.poll(() => shown(page)).toEqual(["one", "two", "three"]);

    await pickUp(page, tasks.item("one").getByTestId("drag-handle"));
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => announced(page)).toBe("“one” is over “two”.");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => announced(page)).toBe("“one” is over “three”.");
    await page.keyboard.press("Space");
    await expect.poll(() => serverOrder(a, work.id)).toEqual(["two", "three", "one"]);

    // → while dragging nests under the row above.
    await pickUp(page, tasks.item("one").getByTestId("drag-handle"));
    await page.keyboard.press("ArrowRight");
    await expect
      .poll(() => page.locator(".task-dragging").evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).e))
      .toBeGreaterThan(0);
    await page.keyboard.press("Space");
    await expect.poll(() => serverOrder(a, work.id)).toEqual(["two", "three", "three > one"]);
    await expect.poll(() => shown(page)).toEqual(["two", "three", "  one"]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("board: cards move between section columns", async () => {
    const { page, context, errors, tasks, api: a } = await signedIn();
    const work = await a.list("Work");
    const doing = await a.section(work.id, "Doing");
    await a.task("write spec", { list_id: work.id });
    await a.task("review", { list_id: work.id, section_id: doing.id });
    await tasks.goto(`/?list=${work.id}&layout=board`);
    const column = (name: string) =>
      page.getByTestId("board-column").filter({ has: page.getByRole("heading", { name: new RegExp(`^${name}`) }) });
    await expect.poll(() => column("Doing").getByTestId("task-title").allInnerTexts()).toEqual(["review"]);
    await drag(page, tasks.item("write spec").getByTestId("drag-handle"), column("Doing"));
    await expect
      .poll(() => a.tasks(`list_id=${work.id}&section_id=${doing.id}`).then((ts) => ts.map((t) => t.title).sort()))
      .toEqual(["review", "write spec"]);
    await expect.poll(() => column("No section").getByTestId("task-title").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("bulk select with shift-click, then one Undo restores every task", async () => {
    const { page, context, errors, tasks, api: a } = await signedIn();
    const work = await a.list("Work");
    await a.task("a1", { list_id: work.id, priority: "low" });
    await a.task("a2", { list_id: work.id, priority: "medium" });
    await a.task("a3", { list_id: work.id });
    await a.task("a4", { list_id: work.id });
    await tasks.goto(`/?list=${work.id}`);
    await expect.poll(() => shown(page)).toEqual(["a1", "a2", "a3", "a4"]);

    await page.getByTestId("select-mode").click();
    await tasks.item("a1").getByTestId("task-select").check();
    await tasks
      .item("a3")
      .getByTestId("task-select")
      .click({ modifiers: ["Shift"] });
    await expect.poll(() => page.getByTestId("bulk-count").innerText()).toBe("3 selected");
    await page.getByTestId("bulk-priority").selectOption("high");
    await expect
      .poll(() => a.tasks(`list_id=${work.id}&sort=position`).then((ts) => ts.map((t) => t.priority)))
      .toEqual(["high", "high", "high", "none"]);
    await page
      .getByTestId("toast")
      .filter({ hasText: "Changed the priority of 3 tasks" })
      .getByTestId("toast-action")
      .click();
    await expect
      .poll(() => a.tasks(`list_id=${work.id}&sort=position`).then((ts) => ts.map((t) => t.priority)))
      .toEqual(["low", "medium", "none", "none"]);

    // Ctrl-click adds a row; complete all, then Undo reopens them all.
    await tasks.item("a2").getByTestId("task-select").check();
    await tasks
      .item("a4")
      .getByTestId("task-title")
      .click({ modifiers: ["Control"] });
    await expect.poll(() => page.getByTestId("bulk-count").innerText()).toBe("2 selected");
    await page.getByTestId("bulk-complete").click();
    await expect.poll(() => shown(page)).toEqual(["a1", "a3"]);
    await page.getByTestId("toast").filter({ hasText: "Completed 2 tasks" }).getByTestId("toast-action").click();
    await expect.poll(() => shown(page)).toEqual(["a1", "a2", "a3", "a4"]);
    await expect.poll(() => a.tasks(`list_id=${work.id}&status=completed`).then((ts) => ts.length)).toBe(0);

    // Delete waits for its Undo window; Undo keeps every task.
    await page.getByTestId("bulk-all").click();
    await page.getByTestId("bulk-delete").click();
    await expect.poll(() => page.getByTestId("task-item").count()).toBe(0);
    await page.getByTestId("toast").filter({ hasText: "Deleted 4 tasks" }).getByTestId("toast-action").click();
    await expect.poll(() => shown(page)).toEqual(["a1", "a2", "a3", "a4"]);
    await expect.poll(() => a.tasks(`list_id=${work.id}`).then((ts) => ts.length)).toBe(4);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("quick-add: chips for list, section, label, priority and date; an unknown #List is offered, never created silently", async () => {
    const { page, context, errors, tasks, api: a } = await signedIn();
    const work = await a.list("Work");
    await a.section(work.id, "Next Up");
    await tasks.goto("/");
    const input = page.getByTestId("quick-add-input");
    const chips = () => page.getByTestId("quick-add-preview").getByTestId("chip-text").allInnerTexts();

    await input.fill("send report tomorrow #work /next up @mail p2");
    await expect
      .poll(chips)
      .toEqual([expect.stringMatching(/^Tomorrow/), "#Work", "/Next Up", "@mail", "Medium priority"]);
    await input.press("Enter");
    await expect
      .poll(() =>
        a.tasks(`list_id=${work.id}`).then((ts) => ts.map((t) => [t.title, t.section_id !== null, t.tags, t.priority])),
      )
      .toEqual([["send report", true, ["mail"], "medium"]]);

    await input.fill("plant bulbs #Garden");
    await expect.poll(chips).toEqual(["Create list “Garden”?"]);
    expect((await a.lists()).map((l) => l.name)).not.toContain("Garden");
    await page.getByTestId("chip-create").click();
    await expect.poll(chips).toEqual(["#Garden"]);
    await tasks.listRow("Garden").waitFor();
    await input.press("Enter");
    const garden = (await a.lists()).find((l) => l.name === "Garden")!;
    await expect
      .poll(() => a.tasks(`list_id=${garden.id}`).then((ts) => ts.map((t) => t.title)))
      .toEqual(["plant bulbs"]);

    // Declining the offer keeps "#Shed" in the title and makes no list.
    await input.fill("oil hinges #Shed");
    await page.getByTestId("chip-new-list").getByTestId("chip-remove").click();
    await input.press("Enter");
    await tasks.item("oil hinges #Shed").waitFor();
    expect((await a.lists()).map((l) => l.name)).not.toContain("Shed");
    expect(errors).toEqual([]);
    await context.close();
  });

  const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
  it.each(
    (["light", "dark"] as const).flatMap((scheme) =>
      (Object.keys(SIZES) as (keyof typeof SIZES)[]).map((size) => [scheme, size] as const),
    ),
  )("screenshots and axe: %s, %s", async (colorScheme, size) => {
    const phone = size === "phone";
    const {
      page,
      context,
      errors,
      tasks,
      api: a,
    } = await signedIn({ colorScheme, viewport: SIZES[size], isMobile: phone, hasTouch: phone, bypassCSP: true });
    const home = await a.list("Home", "orange");
    await a.list("Work", "blue");
    const doing = await a.section(home.id, "This week");
    const paint = await a.task("Paint the fence", { list_id: home.id, priority: "high" });
    await a.task("Buy brushes", { list_id: home.id, parent_id: paint.id });
    await a.task("Pick a colour", { list_id: home.id, parent_id: paint.id, tags: ["ideas"] });
    await a.task("Call the plumber", { list_id: home.id, section_id: doing.id });
    await a.task("Fix the tap", { list_id: home.id, section_id: doing.id, priority: "medium" });
    await tasks.goto(`/?list=${home.id}`);
    await expect.poll(() => shown(page)).toHaveLength(5);
    await animationsFinished(page);
    await page.screenshot({ path: `${SCREENSHOTS}lists-page-${colorScheme}-${size}.png` });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByTestId("select-mode").click();
    await tasks.item("Call the plumber").getByTestId("task-select").check();
    await page.screenshot({ path: `${SCREENSHOTS}lists-select-${colorScheme}-${size}.png` });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId("select-mode").click();

    await page.getByTestId("layout-board").click();
    await page.getByTestId("board").waitFor();
    await animationsFinished(page);
    await page.screenshot({ path: `${SCREENSHOTS}lists-board-${colorScheme}-${size}.png` });
    expect(await seriousA11yViolations(page)).toEqual([]);

    if (phone) {
      await tasks.openSidebar();
      await animationsFinished(page);
      await page.screenshot({ path: `${SCREENSHOTS}lists-drawer-${colorScheme}-${size}.png` });
      expect(await seriousA11yViolations(page)).toEqual([]);
    }
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
