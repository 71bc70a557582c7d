import { useDroppable } from "@dnd-kit/core";
import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from "react";
import { LIST_COLORS, type List } from "#contracts/list.ts";
import type { TaskCounts } from "#contracts/task.ts";
import { ApiError } from "../../lib/api-client.ts";
import { useToast } from "../../lib/toast.tsx";
import { CloseIcon, PlusIcon } from "../layout/icons.tsx";
import { DeleteListDialog } from "./delete-list-dialog.tsx";
import { addList, removeList, renameList, setArchived } from "./list-actions.ts";
import { NAV_ITEMS, type NavItem } from "./nav-items.ts";

interface Props {
  /** The entry shown now: a NAV_ITEMS id or `list-<id>`. */
  current: string;
  counts: TaskCounts | null;
  lists: List[] | null;
  /** The URL of a nav entry or a list page. */
  hrefFor: (target: NavItem["target"] | { list: number }) => string;
  onNavigate: (href: string) => void;
  /** Phones: the sidebar is a drawer, open or not. */
  open: boolean;
  onClose: () => void;
}

const message = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);
export const listDropId = (id: number) => `list:${id}`;

/**
 * Inbox, Today, Upcoming and the other views, then the user's lists with their
 * colour and open count. Lists are drop targets: a task dragged onto one moves
 * there. On phones this is a drawer opened from the page heading.
 */
export function Sidebar({ current, counts, lists, hrefFor, onNavigate, open, onClose }: Props) {
  const inbox = lists?.find((l) => l.is_inbox) ?? null;
  const mine = (lists ?? []).filter((l) => !l.is_inbox && !l.archived);
  const archived = (lists ?? []).filter((l) => l.archived);
  const [deleting, setDeleting] = useState<List | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const navRef = useRef<HTMLElement>(null);
  const toast = useToast();
  const countOf = (id: number) => counts?.lists.find((l) => l.list_id === id);

  useEffect(() => {
    if (!open) return;
    navRef.current?.querySelector<HTMLElement>("a, button")?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, onClose]);

  const follow = (href: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    onNavigate(href);
    onClose();
  };

  return (
    <>
      {open && <div className="sidebar-backdrop" onClick={onClose} aria-hidden="true" />}
      <nav
        ref={navRef}
        className={`sidebar view-nav ${open ? "sidebar-open" : ""}`}
        aria-label="Lists and views"
        data-testid="sidebar"
      >
        <button type="button" className="icon-btn sidebar-close" onClick={onClose} aria-label="Close menu">
          <CloseIcon />
        </button>
        <ul>
          {NAV_ITEMS.map((item) => {
            const n = counts ? item.count?.(counts, inbox?.id ?? null) : undefined;
            const href = hrefFor(item.target);
            const row = (
              <a
                href={href}
                aria-current={
                  item.id === current || (item.id === "inbox" && inbox && current === `list-${inbox.id}`)
                    ? "page"
                    : undefined
                }
                className={`view-link view-${item.id}`}
                data-testid={`view-${item.id}`}
                onClick={follow(href)}
              >
                <span>{item.label}</span>
                <span className={`count ${item.alert && n ? "count-alert" : ""}`} data-testid={`count-${item.id}`}>
                  {n ?? ""}
                  {n !== undefined && <span className="sr-only"> tasks</span>}
                </span>
              </a>
            );
            return item.id === "inbox" && inbox ? (
              <DropRow key={item.id} id={inbox.id}>
                {row}
              </DropRow>
            ) : (
              <li key={item.id}>{row}</li>
            );
          })}
        </ul>
        <div className="sidebar-heading">
          <h2 id="lists-heading">My lists</h2>
        </div>
        <ul aria-labelledby="lists-heading" data-testid="sidebar-lists">
          {mine.map((l) => (
            <ListRow
              key={l.id}
              list={l}
              open={countOf(l.id)?.pending}
              current={current === `list-${l.id}`}
              href={hrefFor({ list: l.id })}
              onFollow={follow(hrefFor({ list: l.id }))}
              onRename={async (name) => void (await renameList(l, name))}
              onArchive={() =>
                setArchived(l, true).catch((err: unknown) =>
                  toast.show({ tone: "error", message: message(err, "Couldn't archive the list.") }),
                )
              }
              onDelete={() => setDeleting(l)}
            />
          ))}
        </ul>
        <AddList onAdded={(l) => onNavigate(hrefFor({ list: l.id }))} />
        {archived.length > 0 && (
          <div className="sidebar-archived">
            <button
              type="button"
              className="btn btn-ghost btn-small"
              aria-expanded={showArchived}
              onClick={() => setShowArchived(!showArchived)}
              data-testid="show-archived"
            >
              Archived ({archived.length})
            </button>
            {showArchived && (
              <ul>
                {archived.map((l) => (
                  <li key={l.id} className="archived-row" data-testid="archived-list">
                    <span className={`list-dot dot-${l.color}`} aria-hidden="true" />
                    <span className="list-name">{l.name}</span>
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      onClick={() => void setArchived(l, false)}
                      aria-label={`Unarchive ${l.name}`}
                    >
                      Unarchive
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      onClick={() => setDeleting(l)}
                      aria-label={`Delete ${l.name}`}
                    >
                      Delete
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </nav>
      <DeleteListDialog
        list={deleting}
        taskCount={deleting ? (countOf(deleting.id)?.all ?? 0) : 0}
        onClose={() => setDeleting(null)}
        onDelete={async (l, tasks) => {
          await removeList(l, tasks);
          if (current === `list-${l.id}`) onNavigate("/");
          toast.show({ message: `Deleted the list “${l.name}”` });
        }}
      />
    </>
  );
}

/** A sidebar row that takes dropped tasks. */
function DropRow({ id, children, className = "" }: { id: number; children: React.ReactNode; className?: string }) {
  const { setNodeRef, isOver } = useDroppable({ id: listDropId(id), data: { listId: id } });
  return (
    <li ref={setNodeRef} className={`${className} ${isOver ? "drop-over" : ""}`} data-drop-list={id}>
      {children}
    </li>
  );
}

interface RowProps {
  list: List;
  open: number | undefined;
  current: boolean;
  href: string;
  onFollow: (e: MouseEvent<HTMLAnchorElement>) => void;
  onRename: (name: string) => Promise<void>;
  onArchive: () => void;
  onDelete: () => void;
}

function ListRow({ list, open, current, href, onFollow, onRename, onArchive, onDelete }: RowProps) {
  const [menu, setMenu] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const menuId = `list-menu-${list.id}`;
  if (renaming) {
    return (
      <li className="list-row" data-testid="list-row" data-list-id={list.id}>
        <NameForm
          label={`New name for ${list.name}`}
          initial={list.name}
          submitLabel="Save"
          onCancel={() => setRenaming(false)}
          onSubmit={async (name) => {
            await onRename(name);
            setRenaming(false);
          }}
        />
      </li>
    );
  }
  return (
    <DropRow id={list.id} className="list-row">
      <div className="list-row-inner" data-testid="list-row" data-list-id={list.id}>
        <a
          href={href}
          className="view-link list-link"
          aria-current={current ? "page" : undefined}
          onClick={onFollow}
          data-testid="list-link"
        >
          <span className="list-label">
            <span className={`list-dot dot-${list.color}`} aria-hidden="true" />
            <span className="list-name">{list.name}</span>
          </span>
          <span className="count" data-testid="list-count">
            {open ?? ""}
            {open !== undefined && <span className="sr-only"> open tasks</span>}
          </span>
        </a>
        <button
          type="button"
          className="icon-btn list-more"
          aria-label={`More actions for ${list.name}`}
          aria-expanded={menu}
          aria-controls={menuId}
          onClick={() => setMenu(!menu)}
          data-testid="list-more"
        >
          <span aria-hidden="true">⋯</span>
        </button>
      </div>
      {menu && (
        <div id={menuId} className="list-menu" data-testid="list-menu">
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => (setMenu(false), setRenaming(true))}
            data-testid="list-rename"
          >
            Rename
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => (setMenu(false), onArchive())}
            data-testid="list-archive"
          >
            Archive
          </button>
          <button
            type="button"
            className="btn btn-danger-ghost btn-small"
            onClick={() => (setMenu(false), onDelete())}
            data-testid="list-delete"
          >
            Delete…
          </button>
        </div>
      )}
    </DropRow>
  );
}

function AddList({ onAdded }: { onAdded: (l: List) => void }) {
  const [adding, setAdding] = useState(false);
  if (!adding) {
    return (
      <button
        type="button"
        className="btn btn-ghost btn-small add-list"
        onClick={() => setAdding(true)}
        data-testid="add-list"
      >
        <PlusIcon /> Add list
      </button>
    );
  }
  return (
    <NameForm
      label="Name of the new list"
      initial=""
      submitLabel="Add"
      withColor
      onCancel={() => setAdding(false)}
      onSubmit={async (name, color) => {
        const l = await addList(name, color);
        setAdding(false);
        onAdded(l);
      }}
    />
  );
}

function NameForm(p: {
  label: string;
  initial: string;
  submitLabel: string;
  withColor?: boolean;
  onSubmit: (name: string, color?: List["color"]) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(p.initial);
  const [color, setColor] = useState<List["color"]>("blue");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError("Give the list a name.");
    p.onSubmit(name, p.withColor ? color : undefined).catch((err: unknown) =>
      setError(message(err, "Couldn't save the list.")),
    );
  };
  return (
    <form className="list-form" onSubmit={submit} data-testid="list-form">
      <input
        aria-label={p.label}
        value={name}
        maxLength={100}
        autoFocus
        onChange={(e) => (setName(e.target.value), setError(null))}
        onKeyDown={(e) => e.key === "Escape" && (e.stopPropagation(), p.onCancel())}
        data-testid="list-name-input"
      />
      {p.withColor && (
        <select
          aria-label="Colour"
          value={color}
          onChange={(e) => setColor(e.target.value as List["color"])}
          data-testid="list-color"
        >
          {LIST_COLORS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      )}
      <div className="list-form-actions">
        <button type="submit" className="btn btn-primary btn-small" data-testid="list-save">
          {p.submitLabel}
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={p.onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="list-error">
          {error}
        </p>
      )}
    </form>
  );
}
