/** The typed client: paths, queries and bodies go out as the contracts say, answers come back parsed. */
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { api, urlOf } from "./api.ts";
import { ApiError } from "./api-client.ts";
import { markServerOnline } from "./connectivity.ts";
import { endpoints } from "./endpoints.ts";
import { tokens } from "./token.ts";
import { makeTask } from "../test/task-fixture.ts";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const TASK = makeTask({ id: 7, title: "t", position: 0 });

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
beforeEach(() => {
  markServerOnline();
  fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal("fetch", fetchMock);
  vi.spyOn(tokens, "get").mockResolvedValue("tok");
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

it("fills the path as `me`, repeats array query keys and leaves undefined ones out", async () => {
  fetchMock.mockResolvedValueOnce(json(200, { tasks: [TASK], next_cursor: null }));
  const page = await api(endpoints.listTasks, { query: { tag: ["a", "b"], overdue: true, limit: 5, q: undefined } });
  expect(page.tasks[0]?.id).toBe(7);
  expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/me/tasks?tag=a&tag=b&overdue=true&limit=5");
});

it("sends the method and JSON body, and encodes path parameters", async () => {
  fetchMock.mockResolvedValueOnce(json(200, { ...TASK, completed: true, completed_subtask_ids: [8] }));
  const task = await api(endpoints.completeTask, { params: { id: 7 }, body: { completed: true } });
  expect(task.completed_subtask_ids).toEqual([8]);
  const [url, init] = fetchMock.mock.calls[0]!;
  expect([url, init?.method, init?.body]).toEqual(["/api/me/tasks/7/complete", "PATCH", '{"completed":true}']);
  expect(urlOf(endpoints.revokeConnectedApp, { client_id: "a/b c" })).toBe("/api/me/connected-apps/a%2Fb%20c");
});

it("an answer that breaks its contract is an error, not data", async () => {
  fetchMock.mockResolvedValueOnce(json(200, { tasks: "nope" }));
  await expect(api(endpoints.listTasks)).rejects.toMatchObject({
    code: "invalid_response",
  } satisfies Partial<ApiError>);
});

it("is typed by the contracts (checked by tsc)", () => {
  const never = () => false as boolean;
  if (never()) {
    // @ts-expect-error the path needs its {id}
    void api(endpoints.patchTask, { body: { title: "x" } });
    // @ts-expect-error a body the contract does not have
    void api(endpoints.patchTask, { params: { id: 1 }, body: { titel: "x" } });
    // @ts-expect-error no such query parameter
    void api(endpoints.listTasks, { query: { colour: "red" } });
  }
  expect(true).toBe(true);
});
