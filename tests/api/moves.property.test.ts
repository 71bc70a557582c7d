/**
 * Property: any sequence of moves (valid or refused) keeps every sibling group a
 * total order (distinct ranks), loses and duplicates no task, and keeps the tree
 * rules (section in the task's list, subtasks in their parent's list and section,
 * no cycles, at most 4 levels). Runs on both databases.
 */
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBTASK_DEPTH_MAX } from "../../src/contracts/list.ts";
import { tasks } from "../../src/db/schema/tasks.ts";
import { DomainError } from "../../src/domain/errors.ts";
import { createList } from "../../src/domain/lists/service.ts";
import { createSection } from "../../src/domain/lists/sections.ts";
import { moveTasks } from "../../src/domain/tasks/move.ts";
import { createTask } from "../../src/domain/tasks/service.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const N = 8;
const id = fc.integer({ min: 1, max: N });
const move = fc.record(
  {
    ids: fc.uniqueArray(id, { minLength: 1, maxLength: 3 }),
    list_id: fc.constantFrom(1, 2, 3),
    section_id: fc.constantFrom(null, 1, 2),
    parent_id: fc.option(id, { nil: null }),
    before_id: id,
    after_id: id,
  },
  { requiredKeys: ["ids"] },
).map((m) => {
  // At most one anchor, as the contract demands.
  const { before_id, after_id, ...rest } = m;
  return (before_id !== undefined ? { ...rest, before_id } : after_id !== undefined ? { ...rest, after_id } : rest);
});

let run = 0;
async function setUp() {
  const userId = `prop-${process.pid}-${(run += 1)}`;
  const db = t.tickler.database.db;
  await createList(db, userId, { name: "Two" }); // list 2 (the Inbox is 1)
  await createList(db, userId, { name: "Three" }); // list 3
  await createSection(db, userId, 2, "S1"); // section 1 in list 2
  await createSection(db, userId, 3, "S2"); // section 2 in list 3
  for (let i = 1; i <= N; i += 1) await createTask(db, userId, { title: `t${i}`, list_id: 1 + (i % 3) }, { tasks: 1_000 });
  return userId;
}

async function checkInvariants(userId: string) {
  const rows = await t.tickler.database.db.select().from(tasks).where(eq(tasks.userId, userId));
  expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.listId}/${r.sectionId}/${r.parentId}`;
    groups.set(key, [...(groups.get(key) ?? []), r.position]);
    if (r.sectionId !== null) {
      expect([1, 2]).toContain(r.sectionId);
      expect(r.listId).toBe(r.sectionId === 1 ? 2 : 3);
    }
    let depth = 0;
    for (let p = r.parentId, seen = new Set<number>([r.id]); p !== null; p = byId.get(p)!.parentId) {
      expect(seen.has(p), "cycle").toBe(false);
      seen.add(p);
      const parent = byId.get(p)!;
      expect([parent.listId, parent.sectionId]).toEqual([byId.get(r.id)!.listId, byId.get(r.id)!.sectionId]);
      depth += 1;
    }
    expect(depth).toBeLessThanOrEqual(SUBTASK_DEPTH_MAX);
  }
  for (const [key, ps] of groups) expect(new Set(ps).size, `ranks in ${key}`).toBe(ps.length);
}

describe("moves", () => {
  it("keep positions a total order with no lost or duplicated task", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 1, maxLength: 12 }), async (moves) => {
        const userId = await setUp();
        for (const m of moves) {
          try {
            await moveTasks(t.tickler.database.db, userId, m);
          } catch (err) {
            // A refused move is fine (a cycle, a section of another list…), as long as it is a domain error.
            if (!(err instanceof DomainError)) throw err;
          }
        }
        await checkInvariants(userId);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it("concurrent moves of the same tasks still end in a total order", async () => {
    const userId = await setUp();
    const db = t.tickler.database.db;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => moveTasks(db, userId, { ids: [1 + (i % N)], list_id: 2, ...(i % 2 ? { before_id: 2 } : {}) })),
    );
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(DomainError);
    await checkInvariants(userId);
  });
});
