import { useMemo, useState, type FormEvent, type Ref } from "react";
import { TITLE_MAX, type TaskCreate } from "#contracts/task.ts";
import { dateOrderFor, type GrammarContext } from "#grammar/index.ts";
import type { List } from "#contracts/list.ts";
import { ApiError } from "../../lib/api-client.ts";
import { LengthCounter, tooLong } from "../../lib/length-counter.tsx";
import { useToast } from "../../lib/toast.tsx";
import { addList } from "../lists/list-actions.ts";
import { useSections } from "../lists/use-sections.ts";
import { CloseIcon, PlusIcon } from "../layout/icons.tsx";
import { previewQuickAdd, type Chip } from "./quick-add-syntax.ts";
import { localTimeZone } from "./task-dates.ts";

const browserContext = (): GrammarContext => ({
  now: new Date(),
  timeZone: localTimeZone(),
  dateOrder: dateOrderFor(typeof navigator === "undefined" ? undefined : navigator.language),
});

const KIND_NAME: Record<Chip["kind"], string> = { due: "due date", list: "list", "new-list": "offer to create list", section: "section", label: "label", priority: "priority", reminder: "reminder", recurrence: "repeat" };

/**
 * One-line task entry with a live preview of what the grammar understood: a
 * removable chip per date, tag and priority. Removing a chip keeps its words in
 * the title. Enter adds; the box clears and keeps focus for the next one. If the
 * server refuses the task, the typed text comes back (unless a new one was started).
 */
interface Props {
  onAdd: (t: TaskCreate) => Promise<boolean>;
  inputRef: Ref<HTMLInputElement>;
  lists: readonly List[];
  /** On a list page: the list new tasks go to unless `#Other` says otherwise. */
  defaultListId: number | null;
  /**
   * In a date view, the view's day: a task typed without a date is due that day
   * (all day), so it stays where it was added. A typed date still wins.
   */
  day?: { due_at: string; label: string } | undefined;
  /** Element ids differ when more than one box is on a page. */
  idPrefix?: string;
}

export function QuickAdd({ onAdd, inputRef, lists, defaultListId, day, idPrefix = "quick-add" }: Props) {
  const [text, setText] = useState("");
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const [creating, setCreating] = useState(false);
  const toast = useToast();
  // Which list the line names decides which sections `/Section` can pick.
  const target = useMemo(() => previewQuickAdd(text, browserContext(), dismissed, { lists, defaultListId }).listId, [text, dismissed, lists, defaultListId]);
  const { sections } = useSections(text.includes("/") ? target : null);
  const preview = useMemo(() => {
    const p = previewQuickAdd(text, browserContext(), dismissed, { lists, defaultListId, sections });
    // A repeating task starts at its first occurrence, not at the view's day.
    return day && p.create && p.create.due_at === undefined && !p.create.recurrence ? { ...p, create: { ...p.create, due_at: day.due_at } } : p;
  }, [text, dismissed, lists, defaultListId, sections, day]);
  const typed = text.trim().length > 0;
  // The limit is the title's (what is left once dates, tags and priority are read), as the server counts it.
  const titleLength = preview.title.length;
  const over = tooLong(titleLength, TITLE_MAX);
  const canAdd = !!preview.create && !over;

  function reset() {
    setText("");
    setDismissed(new Set());
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!preview.create || over) return;
    const before = { text, dismissed };
    reset();
    void onAdd(preview.create).then((ok) => {
      if (ok) return;
      setText((now) => (now === "" ? before.text : now));
      setDismissed((now) => (now.size === 0 ? before.dismissed : now));
    });
  }

  function createList(chip: Chip) {
    if (!chip.name || creating) return;
    setCreating(true);
    addList(chip.name)
      .catch((err: unknown) => toast.show({ tone: "error", message: `Couldn't create the list: ${err instanceof ApiError ? err.message : "something went wrong."}` }))
      .finally(() => {
        setCreating(false);
        if (inputRef && typeof inputRef === "object") inputRef.current?.focus();
      });
  }

  function remove(chip: Chip) {
    setDismissed(new Set([...dismissed, ...chip.keys]));
    if (inputRef && typeof inputRef === "object") inputRef.current?.focus();
  }

  return (
    <form className="quick-add" onSubmit={submit} data-testid="quick-add">
      <label htmlFor={`${idPrefix}-input`} className="sr-only">
        {day ? `New task for ${day.label}` : "New task"}
      </label>
      <span className="quick-add-icon" aria-hidden="true">
        <PlusIcon />
      </span>
      <input
        id={`${idPrefix}-input`}
        ref={inputRef}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && (reset(), e.currentTarget.blur())}
        placeholder={day ? `Add a task for ${day.label}… e.g. call Sam 3pm #Work` : "Add a task… e.g. buy milk tomorrow 9am #Errands @shop p1"}
        autoComplete="off"
        aria-describedby={`${idPrefix}-help ${idPrefix}-preview`}
        aria-invalid={over || undefined}
        data-testid="quick-add-input"
      />
      <span id={`${idPrefix}-help`} className="sr-only">
        Press Enter to add. Dates and times like “tomorrow 9am”, #list, /section, @label and p1 to p4 or !high for priority are understood and
        listed below the box; remove one to keep its words in the title. An unknown #list is offered for creation.
      </span>
      <button type="submit" className="btn btn-primary" disabled={!canAdd} data-testid="quick-add-submit">
        Add
      </button>
      <div
        id={`${idPrefix}-preview`}
        className="quick-add-preview"
        data-testid="quick-add-preview"
        hidden={!typed || (preview.chips.length === 0 && !!preview.create && titleLength < TITLE_MAX * 0.9)}
      >
        {preview.create ? (
          <span className="quick-add-title" data-testid="quick-add-title">
            <span className="sr-only">Title: </span>“{preview.title}”
          </span>
        ) : (
          <span className="quick-add-title muted" data-testid="quick-add-title">
            Type a title too
          </span>
        )}
        <LengthCounter length={titleLength} max={TITLE_MAX} testId="quick-add-length" />
        <ul className="qa-chips" aria-label="Understood" aria-live="polite">
          {preview.chips.map((chip) => (
            <li
              key={chip.keys.join("|")}
              className={`qa-chip qa-chip-${chip.kind}${chip.kind === "priority" ? ` qa-chip-priority-${preview.parsed.priority}` : ""}`}
              data-testid={`chip-${chip.kind}`}
              title={`${chip.hint} — from “${chip.words}”`}
            >
              <span data-testid="chip-text">{chip.text}</span>
              {chip.kind === "new-list" && (
                <button type="button" className="qa-chip-create" onClick={() => createList(chip)} disabled={creating} data-testid="chip-create">
                  Create
                </button>
              )}
              <button
                type="button"
                className="qa-chip-remove"
                onClick={() => remove(chip)}
                aria-label={chip.kind === "new-list" ? `Don't create the list ${chip.name}; keep “${chip.words}” in the title` : `Remove ${KIND_NAME[chip.kind]} ${chip.text}; keep “${chip.words}” in the title`}
                data-testid="chip-remove"
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      </div>
    </form>
  );
}
