/**
 * Drag and drop for the task page, with @dnd-kit: rows reorder and nest inside
 * a list page, cards move between board columns, and any task dropped on a
 * list in the sidebar moves there (with the rest of the selection, if it is
 * selected). Pointer, touch and keyboard (→ / ← change the nesting level).
 */
import {
  closestCenter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useSensor,
  useSensors,
  type CollisionDetection,
  type Announcements,
  type DragEndEvent,
  type DroppableContainer,
  type DroppableContainers,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useCallback, useMemo, useRef } from "react";
import type { List } from "#contracts/list.ts";
import type { Task } from "#contracts/task.ts";
import { ApiError } from "../../lib/api-client.ts";
import { moveTasks } from "../../lib/lists-api.ts";
import { notifyTasksChanged } from "../../lib/tasks-events.ts";
import { useToast } from "../../lib/toast.tsx";
import { undoSteps } from "../tasks/bulk-undo.ts";
import type { TaskList } from "../tasks/use-task-list.ts";
import { bulkTasks } from "../../lib/lists-api.ts";
import { sectionDropId } from "./list-view.tsx";
import { listDropId } from "./sidebar.tsx";
import { applyMove, INDENT, project, type SectionGroup } from "./tree.ts";

const isListDrop = (id: unknown) => typeof id === "string" && id.startsWith("list:");

const sectionOf = (c: DroppableContainer) => (c.data.current as { sectionId?: number | null } | undefined)?.sectionId;

/**
 * The pointer decides first (so the sidebar can be hit). On the page, the
 * section under the pointer (from the keyboard: under most of the row) is the
 * target, and its closest row the place; a section is the place only when it is
 * empty. Mixing both in one closest-centre search let a section's middle win
 * over the row there.
 */
export const collision: CollisionDetection = (args) => {
  const hit = pointerWithin(args).filter((c) => isListDrop(c.id));
  if (hit.length) return hit;
  const page = args.droppableContainers.filter((c) => !isListDrop(c.id));
  const sections = page.filter((c) => typeof c.id !== "number");
  const inside = (args.pointerCoordinates ? pointerWithin : rectIntersection)({
    ...args,
    droppableContainers: sections,
  })[0];
  const section = inside && sections.find((c) => c.id === inside.id);
  if (!inside || !section) return closestCenter({ ...args, droppableContainers: page });
  const rows = page.filter((c) => typeof c.id === "number" && sectionOf(c) === sectionOf(section));
  return rows.length ? closestCenter({ ...args, droppableContainers: rows }) : [inside];
};

const keyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  if (event.code === "ArrowRight" || event.code === "ArrowLeft") {
    event.preventDefault();
    const { x, y } = args.currentCoordinates;
    return { x: x + (event.code === "ArrowRight" ? INDENT : -INDENT), y };
  }
  return sortableKeyboardCoordinates(event, {
    ...args,
    context: { ...args.context, droppableContainers: keyboardStops(args.context.droppableContainers) },
  });
};

/** Keyboard stops at the rows, and at a section only when it is empty (its box would be one more stop before its first row). */
class KeyboardStops extends Map<UniqueIdentifier, DroppableContainer> {
  toArray = () => [...this.values()];
  getEnabled = () => this.toArray();
  getNodeFor = (id: UniqueIdentifier) => this.get(id)?.node.current ?? undefined;
}

function keyboardStops(all: DroppableContainers): DroppableContainers {
  const enabled = all.getEnabled();
  const filled = new Set(enabled.filter((c) => typeof c.id === "number").map(sectionOf));
  const stops = enabled.filter((c) => typeof c.id === "number" || (!isListDrop(c.id) && !filled.has(sectionOf(c))));
  return new KeyboardStops(stops.map((c) => [c.id, c]));
}

export function useDragSensors() {
  return useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );
}

interface Options {
  list: Pick<TaskList, "upsert" | "reload" | "state">;
  lists: List[];
  /** The list page on screen (null in other views) and how it is laid out. */
  listId: number | null;
  groups: SectionGroup[];
  board: boolean;
  selected: ReadonlySet<number>;
  onCountsChanged: () => void;
}

const reason = (err: unknown) => (err instanceof ApiError ? err.message : "Something went wrong.");

export function useOrganizer(o: Options) {
  const toast = useToast();
  const ref = useRef(o);
  ref.current = o;

  const toList = useCallback(
    async (ids: number[], listId: number) => {
      const { list, lists, onCountsChanged } = ref.current;
      const before = list.state.tasks.filter((t) => ids.includes(t.id));
      const page = [...list.state.tasks];
      const target = lists.find((l) => l.id === listId);
      const moving = before.filter((t) => t.list_id !== listId);
      if (!moving.length) return;
      try {
        await moveTasks({ ids: moving.map((t) => t.id), list_id: listId, section_id: null, parent_id: null });
        const steps = undoSteps({ kind: "move", list_id: listId }, moving, page);
        toast.show({
          message: `Moved ${moving.length === 1 ? `“${moving[0]!.title.slice(0, 40)}”` : `${moving.length} tasks`} to ${target?.name ?? "the list"}`,
          action: {
            label: "Undo",
            onAction: () => {
              void (async () => {
                try {
                  for (const s of steps) await ("bulk" in s ? bulkTasks(s.bulk) : moveTasks(s.move));
                } catch (err) {
                  toast.show({ tone: "error", message: `Couldn't undo: ${reason(err)}` });
                }
                ref.current.list.reload();
                ref.current.onCountsChanged();
                notifyTasksChanged();
              })();
            },
          },
        });
      } catch (err) {
        toast.show({ tone: "error", message: `Couldn't move: ${reason(err)}` });
      }
      list.reload();
      onCountsChanged();
      notifyTasksChanged();
    },
    [toast],
  );

  const within = useCallback(
    (task: Task, sectionId: number | null, overId: number | null, offsetX: number) => {
      const { list, groups, board, listId } = ref.current;
      if (listId === null) return;
      const from = groups.find((g) => g.items.some((i) => i.task.id === task.id));
      const to = groups.find((g) => (g.section?.id ?? null) === sectionId);
      const active = from?.items.find((i) => i.task.id === task.id);
      if (!from || !to || !active) return;
      const target = board ? to.items.filter((i) => i.depth === 0) : to.items;
      const p = project({ target, active, activeTree: from.items, overId, offsetX, flat: board });
      if (!p) return;
      const unchanged =
        p.parentId === task.parent_id &&
        sectionId === task.section_id &&
        ((p.afterId === undefined && p.beforeId === undefined) ||
          (overId === task.id && Math.round(offsetX / INDENT) === 0));
      if (unchanged) return;
      const tasks = list.state.tasks;
      const next = applyMove(tasks, task.id, sectionId, p);
      next.forEach((t, i) => t !== tasks[i] && list.upsert(t));
      const anchor =
        p.afterId !== undefined ? { after_id: p.afterId } : p.beforeId !== undefined ? { before_id: p.beforeId } : {};
      moveTasks({ ids: [task.id], list_id: listId, section_id: sectionId, parent_id: p.parentId, ...anchor })
        .then((saved) => saved.forEach((t) => list.upsert(t)))
        .catch((err: unknown) =>
          toast.show({ tone: "error", message: `Couldn't move “${task.title.slice(0, 40)}”: ${reason(err)}` }),
        )
        .finally(() => {
          list.reload();
          notifyTasksChanged();
        });
    },
    [toast],
  );

  const onDragEnd = useCallback(
    (e: DragEndEvent) => {
      const { over, active, delta } = e;
      if (!over) return;
      const id = Number(active.id);
      const task = ref.current.list.state.tasks.find((t) => t.id === id);
      if (!task) return;
      const data = over.data.current as { listId?: number; sectionId?: number | null } | undefined;
      if (data?.listId !== undefined) {
        const sel = ref.current.selected;
        void toList(sel.has(id) ? [...sel] : [id], data.listId);
        return;
      }
      if (data && "sectionId" in data)
        within(task, data.sectionId ?? null, typeof over.id === "number" ? over.id : null, delta.x);
    },
    [toList, within],
  );

  // Screen readers hear titles and places, not dnd-kit's internal ids.
  const announcements = useMemo<Announcements>(() => {
    const name = (id: UniqueIdentifier) => {
      const { list, lists, groups } = ref.current;
      if (typeof id === "number") return `“${list.state.tasks.find((t) => t.id === id)?.title.slice(0, 60) ?? "task"}”`;
      if (isListDrop(id)) return `list ${lists.find((l) => listDropId(l.id) === id)?.name ?? ""}`.trim();
      const section = groups.find((g) => sectionDropId(g.section?.id ?? null) === id)?.section;
      return section ? `section ${section.name}` : "no section";
    };
    return {
      onDragStart: ({ active }) => `Picked up ${name(active.id)}.`,
      onDragOver: ({ active, over }) =>
        !over
          ? `${name(active.id)} is no longer over a place to drop.`
          : over.id === active.id
            ? `${name(active.id)} is in its own place.`
            : `${name(active.id)} is over ${name(over.id)}.`,
      onDragEnd: ({ active, over }) =>
        over ? `${name(active.id)} was dropped on ${name(over.id)}.` : `${name(active.id)} was dropped.`,
      onDragCancel: ({ active }) => `Moving ${name(active.id)} was cancelled.`,
    };
  }, []);

  return { onDragEnd, announcements };
}
