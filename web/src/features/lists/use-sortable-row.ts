/** A task row that sorts within its section (list page and board alike): dnd-kit's sortable state as the row's `drag` prop. */
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { RowDrag } from "../tasks/task-item.tsx";

export function useSortableRow(taskId: number, sectionId: number | null): RowDrag {
  const { setNodeRef, attributes, listeners, transform, transition, isDragging } = useSortable({ id: taskId, data: { sectionId } });
  return {
    ref: setNodeRef,
    style: { transform: CSS.Translate.toString(transform), transition },
    handle: { ...attributes, ...listeners, "aria-describedby": "drag-help" },
    dragging: isDragging,
  };
}
