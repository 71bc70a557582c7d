/** Page object for the task page (list, quick-add, editor, filters, account menu). */
import type { Locator, Page } from "playwright-core";

export type ViewId = "pending" | "today" | "upcoming" | "overdue" | "completed" | "all";

export interface TaskDetails {
  title?: string;
  description?: string;
  priority?: "none" | "low" | "medium" | "high";
  tags?: string;
  dueDate?: string; // YYYY-MM-DD
  dueTime?: string; // HH:MM
}

export class TasksPage {
  constructor(readonly page: Page) {}

  async goto(path = "/"): Promise<void> {
    await this.page.goto(path);
    await this.ready();
  }

  /** The page is interactive and the first page of tasks has loaded (or is empty). */
  async ready(): Promise<void> {
    await this.page.getByTestId("view-heading").waitFor(); // the Completed view has no quick-add box
    await this.page.locator('[data-testid="task-list"]:not([aria-busy]), [data-testid="empty-state"]').first().waitFor();
    await this.painted();
  }

  /**
   * Waits for the page's next rendering update. Rows are `content-visibility: auto`:
   * a row just inserted has its contents skipped (innerText "") until then.
   */
  async painted(): Promise<void> {
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
  }

  get items(): Locator {
    return this.page.getByTestId("task-item");
  }

  /** The row whose title is exactly `title`. */
  item(title: string): Locator {
    return this.items.filter({ has: this.page.getByTestId("task-title").getByText(title, { exact: true }) });
  }

  /** Row titles top to bottom, as data (textContent does not depend on the rows having been rendered). */
  async titles(): Promise<string[]> {
    return this.page.getByTestId("task-title").allTextContents();
  }

  async quickAdd(text: string): Promise<void> {
    const input = this.page.getByTestId("quick-add-input");
    await input.fill(text);
    await input.press("Enter");
  }

  /** Waits until no row is still being saved (optimistic rows have negative ids). */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="task-item"][aria-busy="true"]'));
    await this.painted();
  }

  async toggle(title: string): Promise<void> {
    await this.item(title).getByTestId("task-toggle").click();
  }

  async rename(title: string, next: string): Promise<void> {
    await this.item(title).getByTestId("task-title").click();
    const input = this.page.getByTestId("task-title-input");
    await input.fill(next);
    await input.press("Enter");
  }

  async edit(title: string, d: TaskDetails): Promise<void> {
    await this.item(title).getByTestId("task-edit").click();
    const editor = this.page.getByTestId("task-editor");
    await editor.getByTestId("editor-title").waitFor();
    if (d.title !== undefined) await editor.getByTestId("editor-title").fill(d.title);
    if (d.description !== undefined) await editor.getByTestId("editor-description").fill(d.description);
    if (d.priority !== undefined) await editor.getByTestId(`editor-priority-${d.priority}`).check({ force: true });
    if (d.tags !== undefined) await editor.getByTestId("editor-tags").fill(d.tags);
    if (d.dueDate !== undefined) await editor.getByTestId("editor-due-date").fill(d.dueDate);
    if (d.dueTime !== undefined) await editor.getByTestId("editor-due-time").fill(d.dueTime);
    await editor.getByTestId("editor-save").click();
    await editor.waitFor({ state: "hidden" });
  }

  async delete(title: string): Promise<void> {
    await this.item(title).getByTestId("task-delete").click();
  }

  async undo(kind: "Deleted" | "Completed" = "Deleted"): Promise<void> {
    await this.page.getByTestId("toast").filter({ hasText: kind }).getByTestId("toast-action").click();
  }

  async view(id: ViewId | "inbox"): Promise<void> {
    await this.openSidebar();
    await this.page.getByTestId(`view-${id}`).click();
    await this.ready();
  }

  /** On phones the sidebar is a drawer behind the menu button: open it (no-op on wide screens). */
  async openSidebar(): Promise<void> {
    const menu = this.page.getByTestId("open-sidebar");
    if (await menu.isVisible()) {
      await menu.click();
      await this.page.locator(".sidebar-open").waitFor();
    }
  }

  /** Opens a list page from the sidebar. */
  async openList(name: string): Promise<void> {
    await this.openSidebar();
    await this.listRow(name).getByTestId("list-link").click();
    await this.page.getByTestId("view-heading").getByText(name, { exact: true }).waitFor();
    await this.ready();
  }

  listRow(name: string): Locator {
    return this.page.getByTestId("list-row").filter({ has: this.page.locator(".list-name").getByText(name, { exact: true }) });
  }

  /** The number shown beside a view in the sidebar, once the counts have loaded. */
  async count(id: ViewId): Promise<number> {
    const count = this.page.getByTestId(`count-${id}`);
    await count.locator(".sr-only").waitFor({ state: "attached" }); // rendered with the number only
    return Number(await count.evaluate((el) => el.firstChild?.textContent ?? "NaN"));
  }

  async search(q: string): Promise<void> {
    await this.page.getByTestId("search-input").fill(q);
    // The list follows the (debounced) query through the URL.
    await this.page.waitForURL((u) => (q ? u.searchParams.get("q") === q : !u.searchParams.has("q")));
    await this.ready();
  }

  async filterPriority(p: "high" | "medium" | "low" | "none"): Promise<void> {
    await this.page.getByTestId(`filter-priority-${p}`).click();
    await this.ready();
  }

  async filterTag(tag: string | null): Promise<void> {
    await this.page.getByTestId("filter-tag").selectOption(tag ?? "");
    await this.ready();
  }

  async clearFilters(): Promise<void> {
    await this.page.getByTestId("clear-filters").click();
    await this.ready();
  }

  async openAccountMenu(): Promise<void> {
    await this.page.getByTestId("account-button").click();
    await this.page.getByTestId("account-panel").waitFor();
  }

  async signOut(): Promise<void> {
    await this.openAccountMenu();
    await this.page.getByTestId("sign-out").click();
    await this.page.getByTestId("sign-in-form").waitFor();
  }

  errorToasts(): Locator {
    return this.page.locator(".toast-error");
  }
}
