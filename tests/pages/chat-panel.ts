/** Page object for the assistant: the side panel (or overlay on phones) and the /chat page. */
import type { Locator, Page } from "playwright-core";

export class ChatPanel {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId("chat-panel");
  }

  get input(): Locator {
    return this.root.getByTestId("chat-input");
  }

  /** Opens the panel when it is closed (phones start with it closed) and waits for its message box. */
  async open(): Promise<void> {
    const opener = this.page.getByTestId("open-chat");
    if (await opener.isVisible()) await opener.click();
    await this.input.waitFor();
  }

  async close(): Promise<void> {
    await this.root.getByTestId("chat-close").click();
    await this.root.waitFor({ state: "detached" });
  }

  /** Types a message and sends it with Enter. */
  async send(text: string): Promise<void> {
    await this.input.fill(text);
    await this.input.press("Enter");
  }

  get assistantMessages(): Locator {
    return this.root.getByTestId("message-assistant");
  }

  get userMessages(): Locator {
    return this.root.getByTestId("message-user");
  }

  lastReply(): Locator {
    return this.assistantMessages.last();
  }

  /** Waits until the last reply stopped streaming; returns its text. */
  async waitForReply(): Promise<string> {
    const last = this.lastReply();
    await last.and(this.page.locator('[data-status="ok"], [data-status="error"]')).waitFor();
    const text = last.getByTestId("message-text");
    return (await text.count()) ? text.innerText() : "";
  }

  /** Sends a message and waits for the whole reply. */
  async ask(text: string): Promise<string> {
    const before = await this.assistantMessages.count();
    await this.send(text);
    await this.assistantMessages.nth(before).waitFor();
    return this.waitForReply();
  }

  get toolCards(): Locator {
    return this.root.getByTestId("tool-card");
  }

  toolCard(text: string | RegExp): Locator {
    return this.toolCards.filter({ has: this.page.getByTestId("tool-title").getByText(text) });
  }

  get model(): Locator {
    return this.root.getByTestId("chat-model");
  }

  get title(): Locator {
    return this.root.getByTestId("chat-title");
  }

  /** Shows the conversation list (the side panel toggles it; the /chat page always shows it). */
  async showConversations(): Promise<void> {
    const toggle = this.root.getByTestId("chat-conversations-toggle");
    if ((await toggle.count()) && (await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await this.root.getByTestId("conversation-list").waitFor();
  }

  get conversations(): Locator {
    return this.root.getByTestId("conversation");
  }

  conversation(title: string): Locator {
    return this.conversations.filter({ has: this.page.getByTestId("conversation-title").getByText(title, { exact: true }) });
  }

  async conversationTitles(): Promise<string[]> {
    return this.root.getByTestId("conversation-title").allInnerTexts();
  }

  async rename(title: string, next: string): Promise<void> {
    await this.conversation(title).getByTestId("conversation-rename").click();
    const input = this.root.getByTestId("conversation-rename-input");
    await input.fill(next);
    await input.press("Enter");
    await this.conversation(next).waitFor();
  }

  async openConversation(title: string): Promise<void> {
    await this.conversation(title).getByTestId("conversation-open").click();
  }

  async deleteConversation(title: string): Promise<void> {
    await this.conversation(title).getByTestId("conversation-delete").click();
    await this.root.getByTestId("conversation-delete-confirm").click();
    await this.conversation(title).waitFor({ state: "detached" });
  }

  /** The page's live task stream is connected (tasks.changed will reach it). */
  async liveEventsOpen(): Promise<void> {
    await this.page.waitForFunction(() => document.documentElement.dataset.liveEvents === "open");
  }
}
