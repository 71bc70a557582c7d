import { useState, type FormEvent } from "react";
import type { List } from "#contracts/list.ts";
import { Tag, type Priority } from "#contracts/task.ts";
import type { BulkAction } from "./bulk-undo.ts";
import { fromLocalInputs } from "./task-dates.ts";

interface Props {
  count: number;
  lists: List[];
  onAction: (a: BulkAction) => void;
  onDelete: () => void;
  onSelectAll: () => void;
  onDone: () => void;
}

const PRIORITIES: { id: Priority; label: string }[] = [
  { id: "high", label: "High (p1)" },
  { id: "medium", label: "Medium (p2)" },
  { id: "low", label: "Low (p3)" },
  { id: "none", label: "None (p4)" },
];

/** The actions for the selected tasks, shown above the list in select mode. */
export function BulkBar({ count, lists, onAction, onDelete, onSelectAll, onDone }: Props) {
  const [tag, setTag] = useState("");
  const [date, setDate] = useState("");
  const none = count === 0;
  const addTag = (e: FormEvent) => {
    e.preventDefault();
    const parsed = Tag.safeParse(tag.trim().replace(/^[#@]/, "").toLowerCase());
    if (!parsed.success) return;
    onAction({ kind: "tag", tag: parsed.data });
    setTag("");
  };
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected tasks" data-testid="bulk-bar">
      <span className="bulk-count" aria-live="polite" data-testid="bulk-count">
        {count} selected
      </span>
      <button
        type="button"
        className="btn btn-small"
        disabled={none}
        onClick={() => onAction({ kind: "complete" })}
        data-testid="bulk-complete"
      >
        Complete
      </button>
      <label className="select-field">
        <span>Move to</span>
        <select
          value=""
          disabled={none}
          onChange={(e) => e.target.value && onAction({ kind: "move", list_id: Number(e.target.value) })}
          data-testid="bulk-move"
        >
          <option value="">List…</option>
          {lists
            .filter((l) => !l.archived)
            .map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
        </select>
      </label>
      <label className="select-field">
        <span>Priority</span>
        <select
          value=""
          disabled={none}
          onChange={(e) => e.target.value && onAction({ kind: "priority", priority: e.target.value as Priority })}
          data-testid="bulk-priority"
        >
          <option value="">Set…</option>
          {PRIORITIES.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <form className="bulk-inline" onSubmit={addTag}>
        <input
          aria-label="Tag to add"
          placeholder="tag"
          value={tag}
          maxLength={40}
          onChange={(e) => setTag(e.target.value)}
          disabled={none}
          data-testid="bulk-tag-input"
        />
        <button type="submit" className="btn btn-small" disabled={none || !tag.trim()} data-testid="bulk-tag">
          Add tag
        </button>
      </form>
      <form
        className="bulk-inline"
        onSubmit={(e) => {
          e.preventDefault();
          onAction({ kind: "reschedule", due_at: date ? fromLocalInputs(date, "") : null });
        }}
      >
        <input
          type="date"
          aria-label="New due date (empty: no date)"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          disabled={none}
          data-testid="bulk-date"
        />
        <button type="submit" className="btn btn-small" disabled={none} data-testid="bulk-reschedule">
          Reschedule
        </button>
      </form>
      <button
        type="button"
        className="btn btn-small btn-danger-ghost"
        disabled={none}
        onClick={onDelete}
        data-testid="bulk-delete"
      >
        Delete
      </button>
      <span className="bulk-end">
        <button type="button" className="btn btn-ghost btn-small" onClick={onSelectAll} data-testid="bulk-all">
          Select all
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={onDone} data-testid="bulk-done">
          Done
        </button>
      </span>
    </div>
  );
}
