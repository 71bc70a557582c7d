/** Page objects for the sign-up and sign-in pages. */
import type { Page } from "playwright-core";
import { mailboxFor } from "../support/mailbox.ts";

export interface Credentials {
  name: string;
  email: string;
  password: string;
}

export class SignUpPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/sign-up");
    await this.page.getByTestId("sign-up-form").waitFor();
  }

  async fill({ name, email, password }: Credentials): Promise<void> {
    await this.page.getByTestId("name").fill(name);
    await this.page.getByTestId("email").fill(email);
    await this.page.getByTestId("password").fill(password);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId("submit").click();
  }

  /** Signs up, opens the emailed verification link (which signs in) and waits for the task page. */
  async signUp(user: Credentials): Promise<void> {
    await this.fill(user);
    await this.submit();
    await this.openVerificationLink(user.email);
    await this.page.getByTestId("verify-continue").click();
    await this.page.getByTestId("quick-add-input").waitFor();
  }

  /** Waits for "check your email", then opens the link the server mailed to `email` in this page. */
  async openVerificationLink(email: string): Promise<void> {
    await this.page.getByTestId("check-email").waitFor();
    const link = await mailboxFor(new URL(this.page.url()).origin).linkFor(email);
    await this.page.goto(link);
    await this.page.getByTestId("verify-done").waitFor();
  }

  fieldError(field: "name" | "email" | "password") {
    return this.page.getByTestId(`${field}-error`);
  }
}

export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/sign-in");
    await this.form.waitFor();
  }

  get form() {
    return this.page.getByTestId("sign-in-form");
  }

  get formError() {
    return this.page.getByTestId("form-error");
  }

  async fill(email: string, password: string): Promise<void> {
    await this.page.getByTestId("email").fill(email);
    await this.page.getByTestId("password").fill(password);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId("submit").click();
  }

  /** Signs in and waits for the task page. */
  async signIn(email: string, password: string): Promise<void> {
    await this.fill(email, password);
    await this.submit();
    await this.page.getByTestId("quick-add-input").waitFor();
  }
}
