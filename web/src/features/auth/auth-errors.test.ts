/** Better Auth client errors → a message on the field a person can fix. */
import { describe, expect, it } from "vitest";
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_TOO_WEAK } from "#contracts/auth.ts";
import { describeAuthError, isInvalidResetToken, SERVER_DOWN } from "./auth-errors.ts";

describe("describeAuthError", () => {
  it("no answer or a server failure is a banner saying the server is unreachable", () => {
    expect(describeAuthError(null, "sign-in")).toEqual({ field: "form", message: SERVER_DOWN });
    expect(describeAuthError({ status: 0 }, "sign-up")).toEqual({ field: "form", message: SERVER_DOWN });
    expect(describeAuthError({ status: 503, message: "pg: connection refused" }, "password").message).toBe(SERVER_DOWN);
  });

  it("a wrong sign-in never says which of email and password was wrong", () => {
    const byCode = describeAuthError({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD" }, "sign-in");
    const byStatus = describeAuthError({ status: 401 }, "sign-in");
    expect(byCode).toEqual(byStatus);
    expect(byCode.field).toBe("form");
    expect(byCode.message).toMatch(/don't match/);
  });

  it("puts each problem on its own field", () => {
    expect(describeAuthError({ status: 422, code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" }, "sign-up").field).toBe(
      "email",
    );
    expect(describeAuthError({ status: 400, code: "INVALID_EMAIL" }, "sign-up").field).toBe("email");
    expect(describeAuthError({ status: 400, code: "INVALID_PASSWORD" }, "password").field).toBe("password");
    expect(describeAuthError({ status: 400, code: "PASSWORD_TOO_SHORT" }, "sign-up")).toEqual({
      field: "password",
      message: `Use ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`,
    });
    const weak = { status: 400, code: PASSWORD_TOO_WEAK, message: "Add another word or two." };
    expect(describeAuthError(weak, "sign-up")).toEqual({ field: "password", message: "Add another word or two." });
  });

  it("rate limits and blocked origins get a banner that says what to do", () => {
    expect(describeAuthError({ status: 429 }, "sign-in").message).toMatch(/Wait a minute/);
    expect(describeAuthError({ status: 403, code: "INVALID_ORIGIN" }, "sign-in").message).toMatch(/Reload the page/);
  });
});

describe("isInvalidResetToken", () => {
  it("is true for an unknown, used or expired reset token only", () => {
    expect(isInvalidResetToken({ status: 400, code: "INVALID_TOKEN" })).toBe(true);
    expect(isInvalidResetToken({ status: 400, code: "PASSWORD_TOO_SHORT" })).toBe(false);
    expect(isInvalidResetToken(null)).toBe(false);
  });
});
