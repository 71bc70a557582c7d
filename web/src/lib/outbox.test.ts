/** The offline outbox: per-user queues in localStorage, replayed in order through the (mocked) task API. */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Task } from "#contracts/task.ts";
import { makeTask } from "../test/task-fixture.ts";
import { ApiError } from "./api-client.ts";
import { markServerOffline, markServerOnline } from "./connectivity.ts";
import * as api from "./tasks-api.ts";
import { enqueue, flushOutbox, nextTempId, outboxOps, overlay, setOutboxUser, shouldQueue } from "./outbox.ts";

vi.mock("./tasks-api.ts", () => ({ createTask: vi.fn(), deleteTask: vi.fn(), patchTask: vi.fn(), setCompleted: vi.fn() }));
const mocked = vi.mocked(api);

const task = (id: number, title = `Task ${id}`): Task =>
  makeTask({ id, title, created_at: "2026-12-01T10:00:00.000Z", updated_at: "2026-12-01T10:00:00.000Z" });
const offline = () => new ApiError(0, "network_error", "Can't reach the server.");

beforeEach(() => {
  localStorage.clear();
  vi.clearAllMocks();
  setOutboxUser(null);
  markServerOnline();
});

describe("outbox", () => {
  it("keeps one queue per user: another user signing in never sees or replays it", async () => {
    markServerOffline();
    setOutboxUser("alice");
    enqueue({ kind: "create", task: task(nextTempId(), "Alice's"), input: { title: "Alice's" }, key: "k1" });
    setOutboxUser("bob");
    expect(outboxOps()).toEqual([]);
    markServerOnline();
    await flushOutbox();
    expect(mocked.createTask).not.toHaveBeenCalled();
    setOutboxUser("alice");
    expect(outboxOps()).toHaveLength(1);
  });

  it("survives a reload (it is in localStorage) and replays in order, re-pointing writes at the created task", async () => {
    markServerOffline();
    setOutboxUser("u1");
    const temp = task(nextTempId(), "Offline");
    enqueue({ kind: "create", task: temp, input: { title: "Offline" }, key: "key-1" });
    enqueue({ kind: "patch", id: temp.id, patch: { title: "Offline, renamed" } });
    enqueue({ kind: "complete", id: 7, completed: true });
    enqueue({ kind: "delete", id: 8 });
    expect(JSON.parse(localStorage.getItem("tickler.outbox.v1.u1")!)).toHaveLength(4);
    const order: string[] = [];
    mocked.createTask.mockImplementation(async (input, key) => (order.push(`create ${key}`), task(42, input.title)));
    mocked.patchTask.mockImplementation(async (id) => (order.push(`patch ${id}`), task(id)));
    mocked.setCompleted.mockImplementation(async (id) => (order.push(`complete ${id}`), task(id)));
    mocked.deleteTask.mockImplementation(async (id) => void order.push(`delete ${id}`));
    markServerOnline(); // flips connectivity: the outbox replays on its own
    await vi.waitFor(() => expect(outboxOps()).toEqual([]));
    expect(order).toEqual(["create key-1", "patch 42", "complete 7", "delete 8"]);
  });

  it("stops at a write that can't get through, keeps it with its key, and retries it later", async () => {
    setOutboxUser("u2");
    markServerOffline();
    enqueue({ kind: "create", task: task(nextTempId()), input: { title: "Again" }, key: "same-key" });
    enqueue({ kind: "delete", id: 3 });
    mocked.createTask.mockRejectedValueOnce(offline());
    markServerOnline();
    await vi.waitFor(() => expect(mocked.createTask).toHaveBeenCalledTimes(1));
    expect(outboxOps()).toHaveLength(2);
    // Later (the next connectivity flip or stream reconnect) it is sent again, with the same key.
    await vi.waitFor(async () => {
      await flushOutbox();
      expect(mocked.createTask).toHaveBeenCalledTimes(2);
    });
    expect(mocked.createTask.mock.calls.map((c) => c[1])).toEqual(["same-key", "same-key"]);
    expect(outboxOps()).toEqual([]);
  });

  it("drops a write the server refuses and moves on", async () => {
    setOutboxUser("u3");
    markServerOffline();
    enqueue({ kind: "patch", id: 5, patch: { title: "x" } });
    enqueue({ kind: "complete", id: 6, completed: true });
    mocked.patchTask.mockRejectedValueOnce(new ApiError(422, "validation_failed", "bad"));
    mocked.setCompleted.mockResolvedValue(task(6));
    markServerOnline();
    await vi.waitFor(() => expect(outboxOps()).toEqual([]));
    expect(mocked.setCompleted).toHaveBeenCalledWith(6, true);
  });

  it("queues every write while earlier ones wait, and deleting an unsent task drops its create", () => {
    setOutboxUser("u4");
    expect(shouldQueue()).toBe(false);
    markServerOffline();
    expect(shouldQueue()).toBe(true);
    const temp = task(nextTempId(), "Never mind");
    enqueue({ kind: "create", task: temp, input: { title: "Never mind" }, key: "k" });
    markServerOnline();
    expect(shouldQueue()).toBe(true); // order: later writes go behind the waiting one
    expect(overlay([task(1)]).map((t) => t.id)).toEqual([temp.id, 1]);
    enqueue({ kind: "delete", id: temp.id });
    expect(outboxOps()).toEqual([]);
  });
});
