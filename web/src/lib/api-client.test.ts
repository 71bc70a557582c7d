/** The API client's token handling: one refresh and one retry on a retryable 401, never a loop. */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { ApiError, apiFetch, humanMessage } from "./api-client.ts";
import { markServerOnline, serverReachable } from "./connectivity.ts";
import { SessionExpiredError, TokenUnavailableError, tokens, type TokenManager } from "./token.ts";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const authError = (code: string) => json(401, { error: { code, message: code.replace(/_/g, " ") } });

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
let get: MockInstance<TokenManager["get"]>;
let refresh: MockInstance<TokenManager["refresh"]>;
let invalidate: MockInstance<TokenManager["invalidate"]>;
const sentTokens = () =>
  fetchMock.mock.calls.map(([, init]) => (init?.headers as Record<string, string>).Authorization);

beforeEach(() => {
  markServerOnline();
  fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal("fetch", fetchMock);
  get = vi.spyOn(tokens, "get").mockResolvedValue("old-token");
  refresh = vi.spyOn(tokens, "refresh").mockResolvedValue("new-token");
  invalidate = vi.spyOn(tokens, "invalidate");
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("apiFetch", () => {
  it("on an expired token it drops it, refreshes once and retries with the new one", async () => {
    fetchMock.mockResolvedValueOnce(authError("token_expired")).mockResolvedValueOnce(json(200, { ok: true }));
    const res = await apiFetch("/api/me/tasks");
    expect(await res.json()).toEqual({ ok: true });
    expect(sentTokens()).toEqual(["Bearer old-token", "Bearer new-token"]);
    expect(invalidate).toHaveBeenCalledWith("old-token");
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("a second 401 is the answer: two requests in all, no refresh loop", async () => {
    fetchMock.mockImplementation(() => Promise.resolve(authError("token_invalid")));
    await expect(apiFetch("/api/me/tasks")).rejects.toMatchObject({ status: 401, code: "token_invalid" });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("a 401 whose code is not in AUTH_RETRYABLE_CODES is not retried", async () => {
    fetchMock.mockResolvedValue(authError("unauthorized"));
    await expect(apiFetch("/api/me/tasks")).rejects.toMatchObject({ status: 401, code: "unauthorized" });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(refresh).not.toHaveBeenCalled();
  });

  it("an ended session becomes session_expired, without calling the API", async () => {
    get.mockRejectedValue(new SessionExpiredError("not signed in"));
    await expect(apiFetch("/api/me/tasks")).rejects.toMatchObject({ status: 401, code: "session_expired" });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("an unreachable auth server during the refresh means offline, not signed out", async () => {
    fetchMock.mockResolvedValue(authError("token_expired"));
    refresh.mockRejectedValue(new TokenUnavailableError("network error"));
    await expect(apiFetch("/api/me/tasks")).rejects.toMatchObject({ status: 0, code: "network_error" });
    expect(serverReachable()).toBe(false);
  });

  it("sends Bearer only, never cookies, and the JSON body with its content type", async () => {
    fetchMock.mockResolvedValue(json(201, {}));
    await apiFetch("/api/me/tasks", { method: "POST", body: { title: "Milk" } });
    const [, init] = fetchMock.mock.calls[0]!;
    expect(init).toMatchObject({ method: "POST", credentials: "omit", body: '{"title":"Milk"}' });
    expect(init?.headers).toMatchObject({ "Content-Type": "application/json", Authorization: "Bearer old-token" });
  });

  it("turns an error body into an ApiError with the server's code", async () => {
    fetchMock.mockResolvedValue(json(404, { error: { code: "task_not_found", message: "no task 7" } }));
    const err = await apiFetch("/api/me/tasks/7").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 404, code: "task_not_found", message: "no task 7" });
  });
});

describe("humanMessage", () => {
  it("names the field in the contract's words for a validation failure", () => {
    const details = [{ path: ["title"], message: "title must be at most 200 characters" }];
    expect(humanMessage("validation_failed", "body title: too long", details)).toBe(
      "Title must be at most 200 characters.",
    );
  });

  it("keeps the server's message for anything else", () => {
    expect(humanMessage("task_not_found", "no task 7", undefined)).toBe("no task 7");
    expect(humanMessage("validation_failed", "bad input", [])).toBe("bad input");
  });
});
