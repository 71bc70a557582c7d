/** Page objects for the sign-up and sign-in pages. */
import type { Page } from "playwright-core";

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

  /** Signs up and waits for the task page. */
  async signUp(user: Credentials): Promise<void> {
    await this.fill(user);
    await this.submit();
    await this.page.getByTestId("quick-add-input").waitFor();
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
