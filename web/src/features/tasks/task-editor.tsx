import { useEffect, useRef, useState, type FormEvent } from "react";
import {
  Description,
  DESCRIPTION_MAX,
  PRIORITIES,
  Tags,
  RECURRENCE_TEXT_MAX,
  Title,
  TITLE_MAX,
  type Priority,
  type Task,
  type TaskPatch,
} from "#contracts/task.ts";
import { parseRecurrence } from "#grammar/index.ts";
import { CloseIcon, TrashIcon } from "../layout/icons.tsx";
import { fromLocalInputs, localTimeZone, toLocalInputs } from "./task-dates.ts";

interface Props {
  task: Task | null;
  onClose: () => void;
  onSave: (task: Task, patch: TaskPatch) => void;
  onDelete: (task: Task) => void;
}

type Errors = Partial<Record<"title" | "description" | "tags" | "due" | "repeat", string>>;

/** What the Repeat field says, read by the same grammar as quick-add and the server. */
function readRepeat(text: string) {
  return text.trim() ? parseRecurrence(text, { now: new Date(), timeZone: localTimeZone() }) : null;
}

const PRIORITY_LABELS: Record<Priority, string> = { none: "None", low: "Low", medium: "Medium", high: "High" };

/**
 * Side panel (a modal <dialog>) for a task's details. Only changed fields are sent.
 * Esc or a click outside with unsaved edits asks before throwing them away.
 */
export function TaskEditor({ task, onClose, onSave, onDelete }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const dirty = useRef(false);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (task && !d.open) d.showModal();
    if (!task && d.open) d.close();
    setConfirming(false);
  }, [task]);

  const askOrClose = () => (dirty.current ? setConfirming(true) : onClose());

  return (
    <dialog
      ref={ref}
      className="dialog editor"
      aria-labelledby="editor-title"
      onCancel={(e) => {
        // Esc: Chromium closes anyway on a second Esc, which the prompt says.
        if (!dirty.current || confirming) return;
        e.preventDefault();
        setConfirming(true);
      }}
      onClose={onClose}
      onClick={(e) => e.target === e.currentTarget && askOrClose()}
      data-testid="task-editor"
    >
      {task && (
        <EditorForm
          key={task.id}
          task={task}
          onClose={onClose}
          onSave={onSave}
          onDelete={onDelete}
          onDirty={(d) => {
            dirty.current = d;
          }}
        />
      )}
      {task && confirming && <DiscardPrompt onKeep={() => setConfirming(false)} onDiscard={onClose} />}
    </dialog>
  );
}

function DiscardPrompt({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="editor-discard" role="alert" data-testid="editor-discard">
      <p>Discard your changes? (Esc again discards.)</p>
      <div className="editor-discard-actions">
        <button ref={keep} type="button" className="btn" onClick={onKeep} data-testid="editor-keep-editing">
          Keep editing
        </button>
        <button type="button" className="btn btn-danger-ghost" onClick={onDiscard} data-testid="editor-discard-confirm">
          Discard
        </button>
      </div>
    </div>
  );
}

function EditorForm({ task, onClose, onSave, onDelete, onDirty }: Props & { task: Task; onDirty: (dirty: boolean) => void }) {
  const initialDue = toLocalInputs(task.due_at);
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description ?? "");
  const [priority, setPriority] = useState<Priority>(task.priority);
  const [tags, setTags] = useState(task.tags.join(", "));
  const [dueDate, setDueDate] = useState(initialDue.date);
  const [dueTime, setDueTime] = useState(initialDue.time);
  const initialRepeat = task.recurrence?.text ?? "";
  const [repeat, setRepeat] = useState(initialRepeat);
  const understood = readRepeat(repeat);
  const [errors, setErrors] = useState<Errors>({});
  const isDirty =
    title !== task.title ||
    description !== (task.description ?? "") ||
    priority !== task.priority ||
    tags !== task.tags.join(", ") ||
    dueDate !== initialDue.date ||
    dueTime !== initialDue.time ||
    repeat !== initialRepeat;
  useEffect(() => onDirty(isDirty), [isDirty, onDirty]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    const t = Title.safeParse(title);
    if (!t.success) found.title = t.error.issues[0]?.message;
    const d = Description.safeParse(description);
    if (!d.success) found.description = d.error.issues[0]?.message;
    const tagList = tags.split(/[\s,]+/).filter(Boolean);
    const tg = Tags.safeParse(tagList);
    if (!tg.success) found.tags = tg.error.issues[0]?.message;
    const due = fromLocalInputs(dueDate, dueTime);
    if (dueTime && !dueDate) found.due = "Pick a date for this time.";
    if (repeat.trim() && !understood) found.repeat = "Not understood. Try “every monday”, “every 2 weeks” or “every month on the 15th”.";
    if (repeat.trim() && !dueDate && task.due_at) found.due = "A repeating task needs a due date (or clear Repeat).";
    setErrors(found);
    if (Object.keys(found).length || !t.success || !tg.success) return;

    const patch: TaskPatch = {};
    if (t.data !== task.title) patch.title = t.data;
    const desc = description.trim() ? description : null;
    if (desc !== (task.description ?? null)) patch.description = desc;
    if (priority !== task.priority) patch.priority = priority;
    if (tg.data.join(",") !== task.tags.join(",")) patch.tags = tg.data.length ? tg.data : null;
    const sameDue = due === task.due_at || (due && task.due_at && new Date(due).getTime() === new Date(task.due_at).getTime());
    if (!sameDue) patch.due_at = due;
    if (repeat.trim() !== initialRepeat.trim()) {
      // Sent as the rule the preview showed, so what is stored is what the user saw.
      patch.recurrence = understood ? { rule: understood.recurrence.rule, text: understood.recurrence.text, from: understood.recurrence.from } : null;
      if (understood?.due && !dueDate && !task.due_at) patch.due_at = new Date(understood.due.at).toISOString();
    }
    if (Object.keys(patch).length) onSave(task, patch);
    onClose();
  }

  return (
    <form className="dialog-body editor-form" onSubmit={submit} noValidate>
      <div className="editor-head">
        <h2 id="editor-title">Edit task</h2>
        <button type="button" className="icon-btn" onClick={onClose} aria-label="Close without saving">
          <CloseIcon />
        </button>
      </div>

      <div className="field">
        <label htmlFor="editor-title-input">Title</label>
        <input
          id="editor-title-input"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={TITLE_MAX}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? "editor-title-error" : undefined}
          data-testid="editor-title"
        />
        {errors.title && <p id="editor-title-error" className="field-error">{errors.title}</p>}
      </div>

      <div className="field">
        <label htmlFor="editor-description">Notes</label>
        <textarea
          id="editor-description"
          rows={4}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={DESCRIPTION_MAX}
          aria-invalid={errors.description ? true : undefined}
          data-testid="editor-description"
        />
        {errors.description && <p className="field-error">{errors.description}</p>}
      </div>

      <fieldset className="field segmented">
        <legend>Priority</legend>
        <div className="segmented-options">
          {PRIORITIES.map((p) => (
            <label key={p} className={`segment segment-${p}`}>
              <input
                type="radio"
                name="priority"
                value={p}
                checked={priority === p}
                onChange={() => setPriority(p)}
                data-testid={`editor-priority-${p}`}
              />
              <span>{PRIORITY_LABELS[p]}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor="editor-tags">Tags</label>
        <input
          id="editor-tags"
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          placeholder="work, errands"
          aria-describedby={errors.tags ? "editor-tags-error editor-tags-hint" : "editor-tags-hint"}
          aria-invalid={errors.tags ? true : undefined}
          autoComplete="off"
          data-testid="editor-tags"
        />
        <p id="editor-tags-hint" className="field-hint">
          Separate with commas or spaces. Letters, digits, “-” and “_”.
        </p>
        {errors.tags && <p id="editor-tags-error" className="field-error">{errors.tags}</p>}
      </div>

      <fieldset className="field">
        <legend>Due</legend>
        <div className="due-inputs">
          <label className="sr-only" htmlFor="editor-due-date">
            Due date
          </label>
          <input id="editor-due-date" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} data-testid="editor-due-date" />
          <label className="sr-only" htmlFor="editor-due-time">
            Due time (optional)
          </label>
          <input id="editor-due-time" type="time" value={dueTime} onChange={(e) => setDueTime(e.target.value)} data-testid="editor-due-time" />
          {(dueDate || dueTime) && (
            <button type="button" className="btn btn-ghost btn-small" onClick={() => (setDueDate(""), setDueTime(""))} data-testid="editor-due-clear">
              Clear
            </button>
          )}
        </div>
        <p className="field-hint">Without a time, the task is due by the end of the day.</p>
        {errors.due && <p className="field-error">{errors.due}</p>}
      </fieldset>

      <div className="field">
        <label htmlFor="editor-repeat">Repeat</label>
        <input
          id="editor-repeat"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          placeholder="every monday at 9am"
          maxLength={RECURRENCE_TEXT_MAX}
          autoComplete="off"
          aria-describedby="editor-repeat-preview"
          aria-invalid={errors.repeat ? true : undefined}
          data-testid="editor-repeat"
        />
        <p id="editor-repeat-preview" className="field-hint" aria-live="polite" data-testid="editor-repeat-preview">
          {!repeat.trim()
            ? "Doesn’t repeat. Try “every weekday”, “every! 2 weeks” (counts from when you finish)."
            : understood
              ? `Repeats ${understood.recurrence.text}. Completing it moves it to the next date.`
              : "Not understood yet."}
        </p>
        {errors.repeat && <p className="field-error">{errors.repeat}</p>}
      </div>

      <div className="dialog-actions editor-actions">
        <button
          type="button"
          className="btn btn-danger-ghost"
          onClick={() => {
            onClose();
            onDelete(task);
          }}
          data-testid="editor-delete"
        >
          <TrashIcon /> Delete
        </button>
        <span className="spacer" />
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" data-testid="editor-save">
          Save
        </button>
      </div>
    </form>
  );
}
