import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { Task } from "#contracts/task.ts";
import { TaskItem, type RowSelect, type TaskItemHandlers } from "../tasks/task-item.tsx";
import { sectionDropId } from "./list-view.tsx";
import type { FlatItem, SectionGroup } from "./tree.ts";
import { useSortableRow } from "./use-sortable-row.ts";

interface Props {
  groups: SectionGroup[];
  handlers: TaskItemHandlers;
  select: (t: Task) => RowSelect | undefined;
}

/** One column per section plus "No section"; top-level tasks as cards, draggable between columns. */
export function BoardView({ groups, handlers, select }: Props) {
  return (
    <div className="board" data-testid="board">
      <p id="drag-help" className="sr-only">
        To move a card, focus its handle and press Space, move it with the arrow keys, and press Space to drop it or
        Escape to cancel.
      </p>
      {groups.map((g) => (
        <Column key={g.section?.id ?? "none"} group={g} handlers={handlers} select={select} />
      ))}
    </div>
  );
}

function Column({
  group,
  handlers,
  select,
}: {
  group: SectionGroup;
  handlers: TaskItemHandlers;
  select: Props["select"];
}) {
  const sectionId = group.section?.id ?? null;
  const { setNodeRef, isOver } = useDroppable({ id: sectionDropId(sectionId), data: { sectionId } });
  const cards = group.items.filter((i) => i.depth === 0);
  const name = group.section?.name ?? "No section";
  return (
    <section
      ref={setNodeRef}
      className={`board-column ${isOver ? "drop-over" : ""}`}
      aria-label={name}
      data-testid="board-column"
      data-section-id={sectionId ?? "none"}
    >
      <h2 className="board-column-title">
        {name} <span className="count">{cards.length}</span>
      </h2>
      <SortableContext items={cards.map((c) => c.task.id)} strategy={verticalListSortingStrategy}>
        <ul className="board-cards task-list">
          {cards.map((c) => (
            <Card key={c.task.id} item={c} sectionId={sectionId} handlers={handlers} select={select} />
          ))}
        </ul>
      </SortableContext>
      {cards.length === 0 && <p className="section-empty muted">Drop cards here</p>}
    </section>
  );
}

function Card({
  item,
  sectionId,
  handlers,
  select,
}: {
  item: FlatItem;
  sectionId: number | null;
  handlers: TaskItemHandlers;
  select: Props["select"];
}) {
  const drag = useSortableRow(item.task.id, sectionId);
  return (
    <TaskItem
      task={item.task}
      handlers={handlers}
      active
      drag={drag}
      select={select(item.task)}
    />
  );
}
