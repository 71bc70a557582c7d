import { useState, type FormEvent, type Ref } from "react";
import { TITLE_MAX, type TaskCreate } from "#contracts/task.ts";
import { PlusIcon } from "../layout/icons.tsx";
import { parseQuickAdd } from "./quick-add-syntax.ts";

/** One-line task entry: Enter adds, the box clears and keeps focus for the next one. */
export function QuickAdd({ onAdd, inputRef }: { onAdd: (t: TaskCreate) => void; inputRef: Ref<HTMLInputElement> }) {
  const [text, setText] = useState("");

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    onAdd(parseQuickAdd(text));
    setText("");
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
        onKeyDown={(e) => e.key === "Escape" && (setText(""), e.currentTarget.blur())}
        placeholder="Add a task… (#tag, !high)"
        maxLength={TITLE_MAX + 100}
        autoComplete="off"
        aria-describedby="quick-add-help"
        data-testid="quick-add-input"
      />
      <span id="quick-add-help" className="sr-only">
        Press Enter to add. Words starting with # become tags; !high, !medium or !low sets the priority.
      </span>
      <button type="submit" className="btn btn-primary" disabled={!text.trim()} data-testid="quick-add-submit">
        Add
      </button>
    </form>
  );
}
