/** Page objects for "forgot password" and the reset page the emailed link opens. */
import type { Page } from "playwright-core";

export class ForgotPasswordPage {
  constructor(readonly page: Page) {}

  get form() {
    return this.page.getByTestId("forgot-password-form");
  }

  /** From the sign-in page's "Forgot your password?" link. */
  async openFromSignIn(): Promise<void> {
    await this.page.getByTestId("forgot-password").click();
    await this.form.waitFor();
  }

  /** Asks for a link and waits for the (always identical) confirmation. */
  async request(email: string): Promise<string> {
    await this.page.getByTestId("email").fill(email);
    await this.page.getByTestId("submit").click();
    return this.page.getByTestId("reset-requested").innerText();
  }
}

export class ResetPasswordPage {
  constructor(readonly page: Page) {}

  get form() {
    return this.page.getByTestId("reset-password-form");
  }

  get invalidLink() {
    return this.page.getByTestId("reset-link-invalid");
  }

  async fill(password: string, confirm = password): Promise<void> {
    await this.page.getByTestId("password").fill(password);
    await this.page.getByTestId("confirm").fill(confirm);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId("submit").click();
  }

  fieldError(field: "password" | "confirm") {
    return this.page.getByTestId(`${field}-error`);
  }
}
