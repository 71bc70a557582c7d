/** Page object for /account: profile, change password, sessions, export, delete. */
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";

export class AccountPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId("account-page");
  }

  async goto(): Promise<void> {
    await this.page.goto("/account");
    await this.ready();
  }

  /** Through the account menu in the top bar. */
  async openFromMenu(): Promise<void> {
    await this.page.getByTestId("account-button").click();
    await this.page.getByTestId("account-settings").click();
    await this.ready();
  }

  /** The page is there and the sessions list has loaded. */
  async ready(): Promise<void> {
    await this.root.waitFor();
    await this.page.locator('[data-testid="session-list"]:not([aria-busy])').waitFor();
  }

  get sessions(): Locator {
    return this.page.getByTestId("session-row");
  }

  get thisDevice(): Locator {
    return this.sessions.filter({ has: this.page.getByTestId("this-device") });
  }

  /** Revokes the first session that is not this device's. */
  async revokeAnotherSession(): Promise<void> {
    const before = await this.sessions.count();
    await this.sessions.filter({ hasNot: this.page.getByTestId("this-device") }).first().getByTestId("revoke-session").click();
    await this.page.waitForFunction((n) => document.querySelectorAll('[data-testid="session-row"]').length === n - 1, before);
  }

  /** Clicks "Download my data"; returns the file name and the parsed file. */
  async downloadExport(): Promise<{ filename: string; data: unknown }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByTestId("download-export").click()]);
    const path = await download.path();
    return { filename: download.suggestedFilename(), data: JSON.parse(await readFile(path, "utf8")) };
  }

  async changePassword(current: string, next: string): Promise<void> {
    await this.page.getByTestId("current-password").fill(current);
    await this.page.getByTestId("new-password").fill(next);
    await this.page.getByTestId("change-password-submit").click();
  }

  get passwordChanged(): Locator {
    return this.page.getByTestId("change-password-done");
  }

  fieldError(name: "current-password" | "new-password" | "delete-password"): Locator {
    return this.page.getByTestId(`${name}-error`);
  }

  get deleteDialog(): Locator {
    return this.page.getByTestId("delete-account-dialog");
  }

  async openDeleteDialog(): Promise<void> {
    await this.page.getByTestId("delete-account").click();
    await this.deleteDialog.waitFor();
  }

  async confirmDelete(password: string): Promise<void> {
    await this.deleteDialog.getByTestId("delete-password").fill(password);
    await this.deleteDialog.getByTestId("confirm-delete").click();
  }
}
