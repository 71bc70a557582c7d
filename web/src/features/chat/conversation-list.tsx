/** Past conversations: open one, start a new one, rename or delete in place. */
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { Conversation } from "#contracts/chat.ts";
import { CONVERSATION_TITLE_MAX } from "#contracts/chat.ts";
import { ApiError } from "../../lib/api-client.ts";
import { PencilIcon, PlusIcon, TrashIcon } from "../layout/icons.tsx";
import { deleteConversation, renameConversation } from "./chat-api.ts";
import type { ConversationsState } from "./use-conversations.ts";

interface Props {
  state: ConversationsState;
  activeId: string | null;
  onOpen: (id: string) => void;
  onNew: () => void;
  onRenamed: (id: string, title: string) => void;
  onDeleted: (id: string) => void;
  onLoadMore: () => void;
  onRetry: () => void;
  patch: (id: string, change: Partial<Conversation> | null) => void;
}

const when = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });
const time = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
function activityLabel(iso: string): string {
  const d = new Date(iso);
  return d.toDateString() === new Date().toDateString() ? time.format(d) : when.format(d);
}

export function ConversationList({ state, activeId, onOpen, onNew, onRenamed, onDeleted, onLoadMore, onRetry, patch }: Props) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const rename = async (c: Conversation, title: string) => {
    setRenaming(null);
    const next = title.trim();
    if (!next || next === c.title) return;
    patch(c.id, { title: next });
    try {
      const saved = await renameConversation(c.id, next);
      onRenamed(c.id, saved.title);
      setError(null);
    } catch (err) {
      patch(c.id, { title: c.title });
      setError(`Couldn't rename: ${err instanceof ApiError ? err.message : "something went wrong"}`);
    }
  };

  const remove = async (c: Conversation) => {
    setConfirming(null);
    try {
      await deleteConversation(c.id);
      patch(c.id, null);
      onDeleted(c.id);
      setError(null);
    } catch (err) {
      setError(`Couldn't delete: ${err instanceof ApiError ? err.message : "something went wrong"}`);
    }
  };

  return (
    <nav className="conversations" aria-label="Conversations" data-testid="conversation-list">
      <button type="button" className="btn btn-small conversations-new" onClick={onNew} data-testid="chat-new">
        <PlusIcon /> New chat
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {state.status === "error" && (
        <div className="conversations-message">
          <p>{state.error}</p>
          <button type="button" className="btn btn-small" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
      {state.status === "loading" && state.items.length === 0 && <p className="conversations-message muted">Loading…</p>}
      {state.status === "ready" && state.items.length === 0 && <p className="conversations-message muted">No conversations yet.</p>}
      <ul className="conversation-items">
        {state.items.map((c) => (
          <li key={c.id} className={`conversation ${c.id === activeId ? "is-active" : ""}`} data-testid="conversation" data-conversation-id={c.id}>
            {renaming === c.id ? (
              <RenameForm title={c.title} onSave={(t) => void rename(c, t)} onCancel={() => setRenaming(null)} />
            ) : confirming === c.id ? (
              <div className="conversation-confirm" role="group" aria-label={`Delete “${c.title}”?`}>
                <span>Delete this conversation?</span>
                <button type="button" className="btn btn-small btn-danger-ghost" onClick={() => void remove(c)} data-testid="conversation-delete-confirm">
                  Delete
                </button>
                <button type="button" className="btn btn-small btn-ghost" onClick={() => setConfirming(null)} autoFocus>
                  Cancel
                </button>
              </div>
            ) : (
              <>
                <button
                  type="button"
                  className="conversation-open"
                  onClick={() => onOpen(c.id)}
                  aria-current={c.id === activeId ? "true" : undefined}
                  data-testid="conversation-open"
                >
                  <span className="conversation-title" data-testid="conversation-title">
                    {c.title}
                  </span>
                  <span className="conversation-when">{activityLabel(c.last_activity_at)}</span>
                </button>
                <button
                  type="button"
                  className="icon-btn"
                  onClick={() => setRenaming(c.id)}
                  aria-label={`Rename “${c.title}”`}
                  title="Rename"
                  data-testid="conversation-rename"
                >
                  <PencilIcon />
                </button>
                <button
                  type="button"
                  className="icon-btn icon-btn-danger"
                  onClick={() => setConfirming(c.id)}
                  aria-label={`Delete “${c.title}”`}
                  title="Delete"
                  data-testid="conversation-delete"
                >
                  <TrashIcon />
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {state.nextCursor && (
        <button type="button" className="btn btn-small btn-ghost" onClick={onLoadMore}>
          Load more
        </button>
      )}
    </nav>
  );
}

function RenameForm({ title, onSave, onCancel }: { title: string; onSave: (t: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState(title);
  const input = useRef<HTMLInputElement>(null);
  const settled = useRef(false); // Enter, Escape or blur: only the first one counts
  const finish = (save: boolean) => {
    if (settled.current) return;
    settled.current = true;
    if (save) onSave(value);
    else onCancel();
  };
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    finish(true);
  };
  return (
    <form className="conversation-rename" onSubmit={submit}>
      <label className="sr-only" htmlFor="conversation-rename-input">
        Conversation title
      </label>
      <input
        id="conversation-rename-input"
        ref={input}
        value={value}
        maxLength={CONVERSATION_TITLE_MAX}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            finish(false);
          }
        }}
        onBlur={() => finish(true)}
        data-testid="conversation-rename-input"
      />
    </form>
  );
}
