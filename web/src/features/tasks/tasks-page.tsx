import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Task } from "#contracts/task.ts";
import { navigate, useLocation } from "../../lib/router.tsx";
import { useShortcuts } from "../../lib/shortcuts.ts";
import { useServerReachable } from "../../lib/connectivity.ts";
import { useOutboxSize } from "../../lib/use-outbox.ts";
import { useTasksChanged } from "../../lib/tasks-events.ts";
import { useDebounced } from "../../lib/use-debounced.ts";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { TaskEditor } from "./task-editor.tsx";
import type { TaskItemHandlers } from "./task-item.tsx";
import { TaskList } from "./task-list.tsx";
import { SortSelect, TaskToolbar } from "./task-toolbar.tsx";
import { QuickAdd } from "./quick-add.tsx";
import { useCounts } from "./use-counts.ts";
import { useKnownTags } from "./use-known-tags.ts";
import { useTaskActions } from "./use-task-actions.ts";
import { useTaskList } from "./use-task-list.ts";
import { ViewNav } from "./view-nav.tsx";
import { OfflineNotice } from "./offline-notice.tsx";
import {
  canAddIn,
  defaultSort,
  isFiltered,
  parseView,
  toListParams,
  VIEWS,
  viewToSearch,
  type TaskView,
  type ViewId,
} from "./views.ts";
import { emptyMessage } from "./empty-message.ts";
import { useDateViews } from "../calendar/use-date-views.tsx";
import { useLoadAll } from "../calendar/use-load-all.ts";
import type { EditActions } from "../calendar/overdue-group.tsx";

export function TasksPage() {
  const location = useLocation();
  const view = useMemo(() => parseView(location.search), [location.href]); // eslint-disable-line react-hooks/exhaustive-deps
  // The calendar keeps its month/week and day beside the view; other views ignore them.
  const calendarTail = view.view === "calendar" ? new URLSearchParams(location.search) : null;
  const setView = useCallback(
    (patch: Partial<TaskView>, replace = false) => {
      const next = { ...view, ...patch };
      let to = viewToSearch(next);
      const tail =
        next.view === "calendar" && calendarTail
          ? ["mode", "date"].filter((k) => calendarTail.has(k)).map((k) => `${k}=${calendarTail.get(k)}`)
          : [];
      if (tail.length) to += `${to.includes("?") ? "&" : "?"}${tail.join("&")}`;
      navigate(to, { replace });
    },
    [view, location.href], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const dates = useDateViews(view, location.search);

  // Search: typed text shows at once, the query follows 250 ms after typing stops.
  const [search, setSearch] = useState(view.q);
  const debouncedSearch = useDebounced(search, 250);
  useEffect(() => {
    if (debouncedSearch.trim() !== view.q.trim()) setView({ q: debouncedSearch.trim() }, true);
  }, [debouncedSearch]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    // Back/forward changed the URL's query: show it in the box.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the URL is the source; the box follows it
    if (view.q.trim() !== search.trim()) setSearch(view.q);
  }, [view.q]); // eslint-disable-line react-hooks/exhaustive-deps

  const params = useMemo(() => toListParams(view, new Date(), dates.range), [view, dates.rangeKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const list = useTaskList(params);
  useLoadAll(list, dates.loadAll, dates.needMore);
  const reachable = useServerReachable();
  const queued = useOutboxSize();
  const { counts, refresh: refreshCounts } = useCounts();
  const actions = useTaskActions(list, refreshCounts);
  const knownTags = useKnownTags(list.state.tasks, view.tag);
  const [editingId, setEditingId] = useState<number | null>(null);
  // A task of another list on the page (Today's overdue group), edited through that list's actions.
  const [elsewhere, setElsewhere] = useState<{ task: Task; actions: EditActions } | null>(null);
  const editElsewhere = useCallback((task: Task, a: EditActions) => setElsewhere({ task, actions: a }), []);
  const editing =
    editingId === null ? (elsewhere?.task ?? null) : (list.state.tasks.find((t) => t.id === editingId) ?? null);
  const editActions = editingId === null && elsewhere ? elsewhere.actions : actions;

  const quickAddRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const go = (id: ViewId) => () => selectView(id);
  const focusAdd = () => (dates.focusAdd() ? undefined : quickAddRef.current?.focus());
  useShortcuts({
    q: focusAdd,
    n: focusAdd,
    "/": () => searchRef.current?.focus(),
    "g t": go("today"),
    "g u": go("upcoming"),
    "g i": go("pending"),
    "g c": go("completed"),
  });
  useTasksChanged(() => {
    list.reload();
    refreshCounts();
    dates.changed();
  });

  const handlers = useMemo<TaskItemHandlers>(
    () => ({
      onToggle: (t) => void actions.toggle(t),
      onRename: (t, title) => void actions.update(t, { title }),
      onEdit: (t: Task) => setEditingId(t.id),
      onDelete: (t) => actions.remove(t),
      onTag: (tag) => setView({ tag }),
    }),
    [actions, setView],
  );

  const selectView = (id: ViewId) => setView({ view: id, sort: defaultSort(id) });
  const current = VIEWS.find((v) => v.id === view.view) ?? VIEWS[0];
  // Date views show a window of days: count what is on screen, not a server bucket.
  const total = dates.active
    ? list.state.status === "ready"
      ? list.state.tasks.length
      : undefined
    : current.count
      ? counts?.[current.count]
      : undefined;
  const filtered = isFiltered(view);
  useDocumentTitle(current.label);

  return (
    <div className="tasks-page">
      <ViewNav
        current={view.view}
        counts={counts}
        hrefFor={(id) => viewToSearch({ ...view, view: id, sort: defaultSort(id) })}
        onSelect={selectView}
      />
      <section className="tasks-main" aria-labelledby="view-heading">
        <div className="tasks-heading">
          <h1 id="view-heading" data-testid="view-heading">
            {current.label}
          </h1>
          {filtered
            ? // Search or filters narrow the view: count what matches, not the whole view.
              list.state.status === "ready" && (
                <span className="muted" data-testid="view-total">
                  {list.state.tasks.length}
                  {list.state.nextCursor ? "+" : ""} matching
                </span>
              )
            : total !== undefined && (
                <span className="muted" data-testid="view-total">
                  {total} {total === 1 ? "task" : "tasks"}
                </span>
              )}
          <SortSelect sort={view.sort} onSort={(sort) => setView({ sort }, true)} />
        </div>
        {(list.state.stale || !reachable || queued > 0) && (
          <OfflineNotice offline={list.state.stale || !reachable} queued={queued} />
        )}
        {canAddIn(view.view) && dates.showTopAdd && (
          <QuickAdd inputRef={quickAddRef} onAdd={actions.add} day={dates.topDay} />
        )}
        <TaskToolbar
          search={search}
          onSearch={setSearch}
          searchRef={searchRef}
          priority={view.priority}
          onPriority={(priority) => setView({ priority })}
          tag={view.tag}
          tags={knownTags}
          onTag={(tag) => setView({ tag })}
          onClear={() => {
            setSearch("");
            setView({ q: "", priority: [], tag: null });
          }}
        />
        {dates.before({ list, handlers, actions, refreshCounts, editElsewhere })}
        {dates.body({ list, handlers, actions, refreshCounts, editElsewhere }) ?? (
          <TaskList
            state={list.state}
            handlers={handlers}
            onLoadMore={list.loadMore}
            onRetry={list.reload}
            empty={emptyMessage(view)}
          />
        )}
      </section>
      <TaskEditor
        task={editing}
        onClose={() => {
          setEditingId(null);
          setElsewhere(null);
        }}
        onSave={(t, patch) => void editActions.update(t, patch)}
        onDelete={editActions.remove}
      />
    </div>
  );
}
