import { describe, expect, it } from "vitest";
import { ApiError, humanMessage, isRetryable } from "./api-client.ts";

describe("humanMessage", () => {
  it("reads a validation failure in the contract's words, as a sentence", () => {
    const details = [{ path: "title", message: "title must be at most 200 characters" }];
    expect(humanMessage("validation_failed", "body title: title must be at most 200 characters", details)).toBe("Title must be at most 200 characters.");
    expect(humanMessage("validation_failed", "x", [{ path: "q", message: "Too long!" }])).toBe("Too long!");
  });
  it("keeps the server's message for other errors or details it cannot read", () => {
    expect(humanMessage("rate_limited", "Too many requests; try again in 3 s.", undefined)).toBe("Too many requests; try again in 3 s.");
    expect(humanMessage("validation_failed", "body: invalid", [{ path: "" }])).toBe("body: invalid");
    expect(humanMessage("validation_failed", "body: invalid", "nope")).toBe("body: invalid");
  });
});

describe("isRetryable", () => {
  it("retries what the server or the network failed, never a refused request", () => {
    expect(isRetryable(new ApiError(0, "network_error", ""))).toBe(true);
    expect(isRetryable(new ApiError(503, "starting", ""))).toBe(true);
    expect(isRetryable(new ApiError(429, "rate_limited", ""))).toBe(true);
    expect(isRetryable(new ApiError(422, "validation_failed", ""))).toBe(false);
    expect(isRetryable(new ApiError(404, "not_found", ""))).toBe(false);
    expect(isRetryable(new Error("boom"))).toBe(false);
  });
});
