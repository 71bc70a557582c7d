/**
 * A list page's tasks as the page shows them: grouped by section, subtasks
 * under their parents (depth-first, in position order), and where a drag puts a
 * task — which parent, section and neighbour — for POST /tasks/move. Pure.
 */
import type { Section } from "#contracts/list.ts";
import type { Task } from "#contracts/task.ts";

/** Levels under a top-level task (the server's limit, Todoist's). */
export const MAX_DEPTH = 4;
/** Pixels of horizontal drag per level of nesting (also the row indent). */
export const INDENT = 28;

export interface FlatItem {
  task: Task;
  depth: number;
  parentId: number | null;
  /** Open subtasks loaded on the page. */
  children: number;
}

export interface SectionGroup {
  section: Section | null;
  items: FlatItem[];
}

const byPosition = (a: Task, b: Task) => a.position - b.position || a.id - b.id;

/** Depth-first order per section; children of a collapsed task are left out. */
export function flatten(tasks: readonly Task[], collapsed: ReadonlySet<number> = new Set()): FlatItem[] {
  const ids = new Set(tasks.map((t) => t.id));
  const kids = new Map<number | null, Task[]>();
  for (const t of tasks) {
    // A parent not on the page (completed, or not loaded yet): show the subtask at the top level.
    const p = t.parent_id !== null && ids.has(t.parent_id) ? t.parent_id : null;
    kids.set(p, [...(kids.get(p) ?? []), t]);
  }
  const out: FlatItem[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const t of (kids.get(parent) ?? []).sort(byPosition)) {
      const children = kids.get(t.id)?.length ?? 0;
      out.push({ task: t, depth, parentId: parent, children });
      if (!collapsed.has(t.id)) walk(t.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function groupBySection(
  tasks: readonly Task[],
  sections: readonly Section[],
  collapsed: ReadonlySet<number> = new Set(),
): SectionGroup[] {
  const known = new Set(sections.map((s) => s.id));
  const bySection = new Map<number | null, Task[]>();
  for (const t of tasks) {
    const s = t.section_id !== null && known.has(t.section_id) ? t.section_id : null;
    bySection.set(s, [...(bySection.get(s) ?? []), t]);
  }
  const ordered = [...sections].sort((a, b) => a.position - b.position || a.id - b.id);
  return [null, ...ordered].map((section) => ({
    section,
    items: flatten(bySection.get(section?.id ?? null) ?? [], collapsed),
  }));
}

/** Ids of the subtasks (at any depth) under `id` among the items. */
export function descendantIds(items: readonly FlatItem[], id: number): Set<number> {
  const out = new Set<number>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const i of items) {
      if (i.parentId !== null && (i.parentId === id || out.has(i.parentId)) && !out.has(i.task.id)) {
        out.add(i.task.id);
        changed = true;
      }
    }
  }
  return out;
}

/** How many levels a task's loaded subtree goes below it. */
function height(items: readonly FlatItem[], id: number): number {
  const start = items.findIndex((i) => i.task.id === id);
  if (start < 0) return 0;
  const base = items[start]!.depth;
  let h = 0;
  for (let i = start + 1; i < items.length && items[i]!.depth > base; i++) h = Math.max(h, items[i]!.depth - base);
  return h;
}

export interface Projection {
  depth: number;
  parentId: number | null;
  afterId?: number;
  beforeId?: number;
}

export interface DropInput {
  /** The target section's items (with the dragged task among them when it comes from there). */
  target: readonly FlatItem[];
  /** The dragged task as it was, with its subtree's items (from wherever it came). */
  active: FlatItem;
  activeTree: readonly FlatItem[];
  /** The item dropped on, or null for the section's end. */
  overId: number | null;
  /** Horizontal drag distance: each INDENT nests one level deeper (or shallower). */
  offsetX: number;
  /** Cards on a board never nest. */
  flat?: boolean;
}

/** Where a drop puts the task, or null when it would land inside its own subtree. */
export function project({ target, active, activeTree, overId, offsetX, flat }: DropInput): Projection | null {
  const id = active.task.id;
  const inside = descendantIds(activeTree, id);
  if (overId !== null && inside.has(overId)) return null;
  const fromHere = target.some((i) => i.task.id === id);
  const list = target.filter((i) => i.task.id !== id && !inside.has(i.task.id));
  let index = list.length;
  if (overId !== null && overId !== id) {
    const overIdx = list.findIndex((i) => i.task.id === overId);
    if (overIdx >= 0) {
      // Moving down within the same section lands after the row dropped on (sortable's arrayMove).
      const down =
        fromHere && target.findIndex((i) => i.task.id === id) < target.findIndex((i) => i.task.id === overId);
      index = down ? overIdx + 1 : overIdx;
    }
  } else if (overId === id && fromHere) {
    index = target
      .slice(
        0,
        target.findIndex((i) => i.task.id === id),
      )
      .filter((i) => !inside.has(i.task.id)).length;
  }
  const prev = list[index - 1];
  const next = list[index];
  const wanted = flat ? 0 : active.depth + Math.round(offsetX / INDENT);
  const maxDepth = flat || !prev ? 0 : Math.min(prev.depth + 1, MAX_DEPTH - height(activeTree, id));
  const minDepth = flat || !next ? 0 : next.depth;
  const depth = Math.max(Math.min(wanted, maxDepth), Math.min(minDepth, maxDepth), 0);
  let parentId: number | null = null;
  if (depth > 0 && prev) {
    if (depth > prev.depth) parentId = prev.task.id;
    else {
      for (let i = index - 1; i >= 0; i--) {
        if (list[i]!.depth === depth) {
          parentId = list[i]!.parentId;
          break;
        }
      }
    }
  }
  for (let i = index - 1; i >= 0; i--) {
    const it = list[i]!;
    if (it.depth < depth) break;
    if (it.depth === depth && it.parentId === parentId) return { depth, parentId, afterId: it.task.id };
  }
  if (next && next.depth === depth && next.parentId === parentId) return { depth, parentId, beforeId: next.task.id };
  return { depth, parentId };
}

/**
 * The tasks as they will be once the move is saved, for the screen to show at
 * once: the moved task takes a position between its new neighbours, its
 * subtasks follow it into the section.
 */
export function applyMove(tasks: readonly Task[], id: number, sectionId: number | null, p: Projection): Task[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const moved = byId.get(id);
  if (!moved) return [...tasks];
  const siblings = tasks.filter(
    (t) => t.id !== id && t.parent_id === p.parentId && (p.parentId !== null || t.section_id === sectionId),
  );
  let position: number;
  if (p.afterId !== undefined) position = (byId.get(p.afterId)?.position ?? 0) + 0.5;
  else if (p.beforeId !== undefined) position = (byId.get(p.beforeId)?.position ?? 0) - 0.5;
  else position = Math.min(0, ...siblings.map((s) => s.position)) - 1;
  const tree = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tasks) {
      if (t.parent_id !== null && tree.has(t.parent_id) && !tree.has(t.id)) {
        tree.add(t.id);
        grew = true;
      }
    }
  }
  return tasks.map((t) => {
    if (t.id === id) return { ...t, section_id: sectionId, parent_id: p.parentId, position };
    return tree.has(t.id) ? { ...t, section_id: sectionId } : t;
  });
}
