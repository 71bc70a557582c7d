import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useState, type FormEvent } from "react";
import type { Section } from "#contracts/list.ts";
import type { Task } from "#contracts/task.ts";
import { ApiError } from "../../lib/api-client.ts";
import { PlusIcon } from "../layout/icons.tsx";
import { TaskItem, type RowSelect, type TaskItemHandlers } from "../tasks/task-item.tsx";
import type { FlatItem, SectionGroup } from "./tree.ts";
import { useSortableRow } from "./use-sortable-row.ts";

export interface ListViewProps {
  groups: SectionGroup[];
  handlers: TaskItemHandlers;
  select: (t: Task) => RowSelect | undefined;
  collapsed: ReadonlySet<number>;
  onCollapse: (t: Task) => void;
  onAddSection: (name: string) => Promise<unknown>;
  onRenameSection: (id: number, name: string) => Promise<void>;
  onDeleteSection: (id: number) => Promise<void>;
}

export const sectionDropId = (id: number | null) => `section:${id ?? "none"}`;
const errorText = (err: unknown) => (err instanceof ApiError ? err.message : "Something went wrong.");

/**
 * A list page: its tasks without a section first, then each section under its
 * heading; subtasks indented under their parents and collapsible. Rows are
 * sortable (drag handle, or the keyboard: Space to pick up, arrows to move,
 * → / ← to nest or un-nest, Space to drop, Escape to cancel).
 */
export function ListView(p: ListViewProps) {
  const hasSections = p.groups.length > 1;
  return (
    <div className="list-view" data-testid="list-view">
      <p id="drag-help" className="sr-only">
        To move a task, focus its handle and press Space. Use the up and down arrows to move it, right and left to make
        it a subtask of the task above or undo that, Space to drop and Escape to cancel.
      </p>
      {p.groups.map((g) => (
        <SectionBlock key={g.section?.id ?? "none"} group={g} showHeading={hasSections} {...p} />
      ))}
      <AddSection onAdd={p.onAddSection} />
    </div>
  );
}

function SectionBlock({ group, showHeading, ...p }: ListViewProps & { group: SectionGroup; showHeading: boolean }) {
  const sectionId = group.section?.id ?? null;
  const { setNodeRef, isOver } = useDroppable({ id: sectionDropId(sectionId), data: { sectionId } });
  const ids = group.items.map((i) => i.task.id);
  return (
    <section
      ref={setNodeRef}
      className={`list-section ${isOver ? "drop-over" : ""}`}
      aria-label={group.section ? group.section.name : "No section"}
      data-testid="list-section"
      data-section-id={sectionId ?? "none"}
    >
      {group.section ? (
        <SectionHeading
          section={group.section}
          count={group.items.length}
          onRename={p.onRenameSection}
          onDelete={p.onDeleteSection}
        />
      ) : (
        showHeading && group.items.length > 0 && <h2 className="section-heading section-none">No section</h2>
      )}
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ul className="task-list" data-testid="section-tasks">
          {group.items.map((item) => (
            <SortableRow key={item.task.id} item={item} sectionId={sectionId} {...p} />
          ))}
        </ul>
      </SortableContext>
      {group.section && group.items.length === 0 && <p className="section-empty muted">Drop tasks here</p>}
    </section>
  );
}

function SortableRow({
  item,
  sectionId,
  handlers,
  select,
  collapsed,
  onCollapse,
}: ListViewProps & { item: FlatItem; sectionId: number | null }) {
  const drag = useSortableRow(item.task.id, sectionId);
  return (
    <TaskItem
      task={item.task}
      handlers={handlers}
      active
      drag={drag}
      select={select(item.task)}
      tree={{ depth: item.depth, collapsed: collapsed.has(item.task.id), children: item.children, onCollapse }}
    />
  );
}

function SectionHeading({
  section,
  count,
  onRename,
  onDelete,
}: {
  section: Section;
  count: number;
  onRename: ListViewProps["onRenameSection"];
  onDelete: ListViewProps["onDeleteSection"];
}) {
  const [mode, setMode] = useState<"show" | "rename" | "confirm">("show");
  const [name, setName] = useState(section.name);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    onRename(section.id, name)
      .then(() => setMode("show"))
      .catch((err: unknown) => setError(errorText(err)));
  };
  if (mode === "rename") {
    return (
      <form className="section-heading section-form" onSubmit={submit}>
        <input
          aria-label={`New name for section ${section.name}`}
          value={name}
          maxLength={100}
          autoFocus
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === "Escape" && setMode("show")}
          data-testid="section-name-input"
        />
        <button type="submit" className="btn btn-primary btn-small">
          Save
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setMode("show")}>
          Cancel
        </button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    );
  }
  return (
    <div className="section-heading">
      <h2 data-testid="section-name">{section.name}</h2>
      <span className="count">
        {count}
        <span className="sr-only"> tasks</span>
      </span>
      {mode === "confirm" ? (
        <span className="section-confirm" role="group" aria-label={`Delete section ${section.name}?`}>
          <span className="muted">Delete? Its tasks move to the top.</span>
          <button
            type="button"
            className="btn btn-danger-ghost btn-small"
            onClick={() => void onDelete(section.id)}
            data-testid="section-delete-confirm"
          >
            Delete
          </button>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setMode("show")}>
            Keep
          </button>
        </span>
      ) : (
        <span className="section-actions">
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => (setName(section.name), setMode("rename"))}
            aria-label={`Rename section ${section.name}`}
            data-testid="section-rename"
          >
            Rename
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => setMode("confirm")}
            aria-label={`Delete section ${section.name}`}
            data-testid="section-delete"
          >
            Delete
          </button>
        </span>
      )}
    </div>
  );
}

function AddSection({ onAdd }: { onAdd: (name: string) => Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <button
        type="button"
        className="btn btn-ghost btn-small add-section"
        onClick={() => setOpen(true)}
        data-testid="add-section"
      >
        <PlusIcon /> Add section
      </button>
    );
  }
  return (
    <form
      className="section-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        onAdd(name)
          .then(() => (setName(""), setOpen(false)))
          .catch((err: unknown) => setError(errorText(err)));
      }}
    >
      <input
        aria-label="Name of the new section"
        value={name}
        maxLength={100}
        autoFocus
        onChange={(e) => (setName(e.target.value), setError(null))}
        onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
        data-testid="section-new-input"
      />
      <button type="submit" className="btn btn-primary btn-small" data-testid="section-add-save">
        Add section
      </button>
      <button type="button" className="btn btn-ghost btn-small" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
