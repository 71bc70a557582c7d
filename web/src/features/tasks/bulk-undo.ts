/**
 * What one Undo sends after a bulk edit: the requests that put every selected
 * task back as it was. Values that differed per task are restored group by
 * group (one bulk request per old value); moves go back run by run, after the
 * sibling each run followed. Pure.
 */
import type { Task } from "#contracts/task.ts";
import type { BulkRequest, BulkResult, MoveRequest } from "../../lib/lists-api.ts";

export type BulkAction =
  | { kind: "complete" }
  | { kind: "priority"; priority: Task["priority"] }
  | { kind: "tag"; tag: string }
  | { kind: "reschedule"; due_at: string | null }
  | { kind: "move"; list_id: number };

export type UndoStep = { bulk: BulkRequest } | { move: MoveRequest };

export function bulkRequest(ids: number[], a: BulkAction): BulkRequest {
  switch (a.kind) {
    case "complete":
      return { ids, set: { completed: true } };
    case "priority":
      return { ids, set: { priority: a.priority } };
    case "tag":
      return { ids, set: { tags_add: [a.tag] } };
    case "reschedule":
      return { ids, set: { due_at: a.due_at } };
    case "move":
      return { ids, set: { list_id: a.list_id } };
  }
}

function groupBy<K>(tasks: readonly Task[], key: (t: Task) => K): Map<K, number[]> {
  const out = new Map<K, number[]>();
  for (const t of tasks) out.set(key(t), [...(out.get(key(t)) ?? []), t.id]);
  return out;
}

/**
 * `before`: the selected tasks as they were; `page`: every task the page had
 * (to find the siblings a moved run sat after); `result`: the server's answer.
 */
export function undoSteps(
  a: BulkAction,
  before: readonly Task[],
  page: readonly Task[],
  result?: BulkResult,
): UndoStep[] {
  switch (a.kind) {
    case "complete": {
      const reopened = before.filter((t) => !t.completed).map((t) => t.id);
      const cascaded = result && "tasks" in result ? (result.completed_subtask_ids ?? []) : [];
      const ids = [...new Set([...reopened, ...cascaded])];
      return ids.length ? [{ bulk: { ids, set: { completed: false } } }] : [];
    }
    case "priority":
      return [
        ...groupBy(
          before.filter((t) => t.priority !== a.priority),
          (t) => t.priority,
        ),
      ].map(([priority, ids]) => ({ bulk: { ids, set: { priority } } }));
    case "tag": {
      const ids = before.filter((t) => !t.tags.includes(a.tag)).map((t) => t.id);
      return ids.length ? [{ bulk: { ids, set: { tags_remove: [a.tag] } } }] : [];
    }
    case "reschedule":
      return [
        ...groupBy(
          before.filter((t) => t.due_at !== a.due_at),
          (t) => t.due_at,
        ),
      ].map(([due_at, ids]) => ({ bulk: { ids, set: { due_at } } }));
    case "move":
      return moveBack(before, page, a.list_id);
  }
}

const groupKey = (t: Task) => `${t.list_id}/${t.section_id ?? ""}/${t.parent_id ?? ""}`;

function moveBack(before: readonly Task[], page: readonly Task[], to: number): UndoStep[] {
  const moved = new Set(before.map((t) => t.id));
  // Subtasks whose parent moved too travel back with it.
  const roots = before.filter((t) => t.list_id !== to && !(t.parent_id !== null && moved.has(t.parent_id)));
  const steps: UndoStep[] = [];
  for (const ids of groupBy(roots, groupKey).values()) {
    const first = before.find((t) => t.id === ids[0])!;
    const siblings = [...page, ...before.filter((t) => !page.some((p) => p.id === t.id))]
      .filter((t) => groupKey(t) === groupKey(first))
      .sort((x, y) => x.position - y.position);
    let run: number[] = [];
    let after: number | undefined;
    const flush = () => {
      if (!run.length) return;
      steps.push({
        move: {
          ids: run,
          list_id: first.list_id,
          section_id: first.section_id,
          parent_id: first.parent_id,
          ...(after !== undefined ? { after_id: after } : {}),
        },
      });
      after = run[run.length - 1];
      run = [];
    };
    for (const s of siblings) {
      if (ids.includes(s.id)) run.push(s.id);
      else {
        flush();
        after = s.id;
      }
    }
    flush();
  }
  return steps;
}
