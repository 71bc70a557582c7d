import { useMemo, useState, type FormEvent, type Ref } from "react";
import { TITLE_MAX, type TaskCreate } from "#contracts/task.ts";
import { dateOrderFor, type GrammarContext } from "#grammar/index.ts";
import { LengthCounter, tooLong } from "../../lib/length-counter.tsx";
import { CloseIcon, PlusIcon } from "../layout/icons.tsx";
import { previewQuickAdd, type Chip } from "./quick-add-syntax.ts";
import { localTimeZone } from "./task-dates.ts";

const browserContext = (): GrammarContext => ({
  now: new Date(),
  timeZone: localTimeZone(),
  dateOrder: dateOrderFor(typeof navigator === "undefined" ? undefined : navigator.language),
});

const KIND_NAME: Record<Chip["kind"], string> = { due: "due date", list: "tag", label: "tag", priority: "priority", reminder: "reminder" };

/**
 * One-line task entry with a live preview of what the grammar understood: a
 * removable chip per date, tag and priority. Removing a chip keeps its words in
 * the title. Enter adds; the box clears and keeps focus for the next one. If the
 * server refuses the task, the typed text comes back (unless a new one was started).
 */
export function QuickAdd({ onAdd, inputRef }: { onAdd: (t: TaskCreate) => Promise<boolean>; inputRef: Ref<HTMLInputElement> }) {
  const [text, setText] = useState("");
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const preview = useMemo(() => previewQuickAdd(text, browserContext(), dismissed), [text, dismissed]);
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

  function remove(chip: Chip) {
    setDismissed(new Set([...dismissed, ...chip.keys]));
    if (inputRef && typeof inputRef === "object") inputRef.current?.focus();
  }

  return (
    <form className="quick-add" onSubmit={submit} data-testid="quick-add">
      <label htmlFor="quick-add-input" className="sr-only">
        New task
      </label>
      <span className="quick-add-icon" aria-hidden="true">
        <PlusIcon />
      </span>
      <input
        id="quick-add-input"
        ref={inputRef}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && (reset(), e.currentTarget.blur())}
        placeholder="Add a task… e.g. buy milk tomorrow 9am #errands p1"
        autoComplete="off"
        aria-describedby="quick-add-help quick-add-preview"
        aria-invalid={over || undefined}
        data-testid="quick-add-input"
      />
      <span id="quick-add-help" className="sr-only">
        Press Enter to add. Dates and times like “tomorrow 9am”, #list or @label for tags, and p1 to p4 or !high for priority are understood and
        listed below the box; remove one to keep its words in the title.
      </span>
      <button type="submit" className="btn btn-primary" disabled={!canAdd} data-testid="quick-add-submit">
        Add
      </button>
      <div id="quick-add-preview" className="quick-add-preview" data-testid="quick-add-preview" hidden={!typed || (preview.chips.length === 0 && !!preview.create && titleLength < TITLE_MAX * 0.9)}>
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
            <li key={chip.keys.join("|")} className={`qa-chip qa-chip-${chip.kind}${chip.kind === "priority" ? ` qa-chip-priority-${preview.parsed.priority}` : ""}`} data-testid={`chip-${chip.kind}`} title={`${chip.hint} — from “${chip.words}”`}>
              <span data-testid="chip-text">{chip.text}</span>
              <button
                type="button"
                className="qa-chip-remove"
                onClick={() => remove(chip)}
                aria-label={`Remove ${KIND_NAME[chip.kind]} ${chip.text}; keep “${chip.words}” in the title`}
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
