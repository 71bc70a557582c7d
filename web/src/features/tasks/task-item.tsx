import {
  memo,
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type HTMLAttributes,
  type MouseEvent,
  type Ref,
} from "react";
import { Title, type Task } from "#contracts/task.ts";
import { CalendarIcon, PencilIcon, RepeatIcon, TrashIcon } from "../layout/icons.tsx";
import { describeDue } from "./task-dates.ts";

export interface TaskItemHandlers {
  onToggle: (t: Task) => void;
  onRename: (t: Task, title: string) => void;
  onEdit: (t: Task) => void;
  onDelete: (t: Task) => void;
  onTag: (tag: string) => void;
}

/** What a list page adds to a row: drag handle, nesting, collapse. */
export interface RowDrag {
  ref: Ref<HTMLLIElement>;
  style: CSSProperties;
  handle: HTMLAttributes<HTMLButtonElement>;
  dragging: boolean;
}

export interface RowSelect {
  selecting: boolean;
  selected: boolean;
  /** `range`: shift-click; `toggle`: ctrl/cmd-click or the checkbox. */
  onSelect: (t: Task, how: "range" | "toggle") => void;
}

export interface RowTree {
  depth: number;
  collapsed: boolean;
  /** Subtasks on the page; the collapse button shows only when there are some. */
  children: number;
  onCollapse: (t: Task) => void;
}

interface RowProps {
  task: Task;
  handlers: TaskItemHandlers;
  active: boolean;
  drag?: RowDrag;
  select?: RowSelect;
  tree?: RowTree;
}

const PRIORITY_LABEL = { high: "High", medium: "Medium", low: "Low", none: "" } as const;

/** One row: checkbox, title (click to rename inline), details, edit and delete. */
export const TaskItem = memo(function TaskItem({ task, handlers, active, drag, select, tree }: RowProps) {
  const [editing, setEditing] = useState(false);
  const saving = task.id < 0;
  const checkboxId = `task-${task.id}-done`;
  const due = task.due_at ? describeDue(task.due_at, task.completed) : null;
  // Only the active row's controls are in the Tab order (roving focus, see TaskList).
  const tab = active ? 0 : -1;
  const subtasks = task.subtask_counts && task.subtask_counts.total > 0 ? task.subtask_counts : null;
  // Shift-click selects a range, Ctrl/Cmd-click one more, from anywhere on the row but its text box.
  const onClickCapture = (e: MouseEvent<HTMLLIElement>) => {
    if (!select || saving || !(e.shiftKey || e.ctrlKey || e.metaKey)) return;
    if ((e.target as HTMLElement).closest("input[type=text], input:not([type])")) return;
    e.preventDefault();
    e.stopPropagation();
    select.onSelect(task, e.shiftKey ? "range" : "toggle");
  };

  return (
    <li
      ref={drag?.ref}
      style={{ ...drag?.style, ...(tree ? ({ "--depth": tree.depth } as CSSProperties) : {}) }}
      className={`task ${task.completed ? "task-done" : ""} ${saving ? "task-saving" : ""} priority-${task.priority} ${select?.selected ? "task-selected" : ""} ${drag?.dragging ? "task-dragging" : ""} ${tree && tree.depth > 0 ? "task-nested" : ""}`}
      data-testid="task-item"
      data-task-id={task.id}
      data-completed={task.completed}
      data-depth={tree?.depth}
      aria-busy={saving || undefined}
      tabIndex={tab}
      aria-label={`${task.title}${task.completed ? ", completed" : ""}${due ? `, ${due.tone === "overdue" ? "overdue, was due" : "due"} ${due.label}` : ""}${task.recurrence ? `, repeats ${task.recurrence.text}` : ""}${tree && tree.depth > 0 ? `, subtask level ${tree.depth}` : ""}`}
      onClickCapture={onClickCapture}
    >
      {drag && (
        <button
          {...drag.handle}
          type="button"
          className="drag-handle"
          tabIndex={tab}
          aria-label={`Move ${task.title}`}
          data-drag-handle
          data-testid="drag-handle"
        >
          <span aria-hidden="true">⠿</span>
        </button>
      )}
      {tree &&
        (tree.children > 0 ? (
          <button
            type="button"
            className="collapse-btn"
            tabIndex={tab}
            aria-expanded={!tree.collapsed}
            aria-label={`${tree.collapsed ? "Show" : "Hide"} subtasks of ${task.title}`}
            onClick={() => tree.onCollapse(task)}
            data-testid="task-collapse"
          >
            <span aria-hidden="true">{tree.collapsed ? "▸" : "▾"}</span>
          </button>
        ) : (
          <span className="collapse-spacer" aria-hidden="true" />
        ))}
      {select?.selecting && (
        <input
          type="checkbox"
          className="task-select"
          checked={select.selected}
          disabled={saving}
          onChange={() => select.onSelect(task, "toggle")}
          onClick={(e) => {
            if (e.shiftKey) {
              e.preventDefault();
              select.onSelect(task, "range");
            }
          }}
          tabIndex={tab}
          aria-label={`Select ${task.title}`}
          data-testid="task-select"
        />
      )}
      {/* In select mode the row's one checkbox selects; completing is a bulk action then. */}
      {!select?.selecting && (
        <input
          id={checkboxId}
          type="checkbox"
          className="task-check"
          checked={task.completed}
          disabled={saving}
          onChange={() => handlers.onToggle(task)}
          tabIndex={tab}
          data-testid="task-toggle"
          aria-label={`Complete ${task.title}`}
        />
      )}
      <div className="task-body">
        {editing ? (
          <InlineTitle
            task={task}
            onDone={(title) => {
              setEditing(false);
              if (title !== null && title !== task.title) handlers.onRename(task, title);
            }}
          />
        ) : (
          <button
            type="button"
            className="task-title"
            tabIndex={tab}
            onClick={() => !saving && setEditing(true)}
            title="Rename"
            data-testid="task-title"
          >
            {task.title}
          </button>
        )}
        {(due || task.recurrence || task.priority !== "none" || task.tags.length > 0 || task.description || subtasks) && (
          <div className="task-meta">
            {subtasks && (
              <span className="subtask-count" data-testid="subtask-count" title="Subtasks done">
                <span aria-hidden="true">☑ </span>
                {subtasks.completed}/{subtasks.total}
                <span className="sr-only"> subtasks done</span>
              </span>
            )}
            {task.priority !== "none" && (
              <span className={`badge badge-${task.priority}`} data-testid="task-priority">
                {PRIORITY_LABEL[task.priority]}
                <span className="sr-only"> priority</span>
              </span>
            )}
            {due && (
              <span className={`due due-${due.tone}`} title={due.full} data-testid="task-due">
                <CalendarIcon />
                <span className="sr-only">{due.tone === "overdue" ? "Overdue, was due " : "Due "}</span>
                {due.label}
              </span>
            )}
            {task.recurrence && (
              <span className="repeat" title={`Repeats ${task.recurrence.text}`} data-testid="task-repeat">
                <RepeatIcon />
                <span className="sr-only">Repeats {task.recurrence.text}</span>
              </span>
            )}
            {task.tags.map((tag) => (
              <button
                key={tag}
                type="button"
                className="tag"
                tabIndex={tab}
                onClick={() => handlers.onTag(tag)}
                aria-label={`Show tasks tagged ${tag}`}
                data-testid="task-tag"
              >
                #{tag}
              </button>
            ))}
            {task.description && (
              <span className="task-desc" data-testid="task-description">
                {task.description}
              </span>
            )}
          </div>
        )}
      </div>
      <div className="task-actions">
        <button
          type="button"
          className="icon-btn"
          tabIndex={tab}
          disabled={saving}
          onClick={() => handlers.onEdit(task)}
          aria-label={`Edit details of ${task.title}`}
          title="Edit details"
          data-testid="task-edit"
        >
          <PencilIcon />
        </button>
        <button
          type="button"
          className="icon-btn icon-btn-danger"
          tabIndex={tab}
          disabled={saving}
          onClick={() => handlers.onDelete(task)}
          aria-label={`Delete ${task.title}`}
          title="Delete"
          data-testid="task-delete"
        >
          <TrashIcon />
        </button>
      </div>
    </li>
  );
});

/** Enter or blur saves, Escape cancels; an empty or too-long title is refused in place. */
function InlineTitle({ task, onDone }: { task: Task; onDone: (title: string | null) => void }) {
  const [value, setValue] = useState(task.title);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  const finished = useRef(false);

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const commit = () => {
    if (finished.current) return;
    const parsed = Title.safeParse(value);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Invalid title");
      return;
    }
    finished.current = true;
    onDone(parsed.data);
  };

  return (
    <div className="inline-title">
      <input
        ref={ref}
        value={value}
        aria-label="Task title"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `title-error-${task.id}` : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          } else if (e.key === "Escape") {
            e.preventDefault();
            finished.current = true;
            onDone(null);
          }
        }}
        onBlur={() => {
          if (!finished.current && Title.safeParse(value).success) commit();
          else if (!finished.current) {
            finished.current = true;
            onDone(null);
          }
        }}
        data-testid="task-title-input"
      />
      {error && (
        <p id={`title-error-${task.id}`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
