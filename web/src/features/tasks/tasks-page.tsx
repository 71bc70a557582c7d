import { DndContext } from "@dnd-kit/core";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Task } from "#contracts/task.ts";
import { navigate, useLocation } from "../../lib/router.tsx";
import { useShortcuts } from "../../lib/shortcuts.ts";
import { useServerReachable } from "../../lib/connectivity.ts";
import { useOutboxSize } from "../../lib/use-outbox.ts";
import { useTasksChanged } from "../../lib/tasks-events.ts";
import { useDebounced } from "../../lib/use-debounced.ts";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { useToast } from "../../lib/toast.tsx";
import { MenuIcon } from "../layout/icons.tsx";
import { BoardView } from "../lists/board-view.tsx";
import { ListView } from "../lists/list-view.tsx";
import { reloadLists, useLists } from "../lists/lists-store.ts";
import type { NavItem } from "../lists/nav-items.ts";
import { Sidebar } from "../lists/sidebar.tsx";
import { groupBySection } from "../lists/tree.ts";
import { collision, useDragSensors, useOrganizer } from "../lists/use-organizer.ts";
import { useSections } from "../lists/use-sections.ts";
import { isMissingList, useLeaveMissingList } from "../lists/use-missing-list.ts";
import { BulkBar } from "./bulk-bar.tsx";
import { TaskEditor } from "./task-editor.tsx";
import type { RowSelect, TaskItemHandlers } from "./task-item.tsx";
import { TaskList } from "./task-list.tsx";
import { SortSelect, TaskToolbar } from "./task-toolbar.tsx";
import { QuickAdd } from "./quick-add.tsx";
import { headingCount } from "./heading-count.ts";
import { useBulkActions } from "./use-bulk-actions.ts";
import { useCounts } from "./use-counts.ts";
import { useKnownTags } from "./use-known-tags.ts";
import { useSelection } from "./selection.ts";
import { useTaskActions } from "./use-task-actions.ts";
import { useTaskList } from "./use-task-list.ts";
import { OfflineNotice } from "./offline-notice.tsx";
import { canAddIn, defaultSort, isFiltered, isManual, parseView, toListParams, VIEWS, viewToSearch, type TaskView, type ViewId } from "./views.ts";
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
      const tail = next.view === "calendar" && calendarTail ? ["mode", "date"].filter((k) => calendarTail.has(k)).map((k) => `${k}=${calendarTail.get(k)}`) : [];
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
  const lists = useLists();
  const page = lists?.find((l) => l.id === view.list) ?? null;
  // A deleted list's page fetches nothing more (the server would answer 404) and leaves for To do.
  const missing = isMissingList(view.list, lists);
  const list = useTaskList(missing ? null : params);
  useLoadAll(list, dates.loadAll, dates.needMore);
  const toast = useToast();
  const shownName = useRef<string | null>(null);
  if (page) shownName.current = page.name;
  useLeaveMissingList(view.list, missing, list.state.status === "error", (id) => {
    if (parseView(new URLSearchParams(window.location.search)).list !== id) return; // already left (the sidebar's own delete)
    navigate("/", { replace: true });
    toast.show({ message: shownName.current ? `The list “${shownName.current}” was deleted.` : "That list no longer exists." });
  });
  const { sections, add: addSection, rename: renameSection, remove: removeSection } = useSections(missing ? null : view.list);
  const reachable = useServerReachable();
  const queued = useOutboxSize();
  const { counts, refresh: refreshCounts } = useCounts();
  const actions = useTaskActions(list, refreshCounts);
  const knownTags = useKnownTags(list.state.tasks, view.tag);
  const [editingId, setEditingId] = useState<number | null>(null);
  // A task of another list on the page (Today's overdue group), edited through that list's actions.
  const [elsewhere, setElsewhere] = useState<{ task: Task; actions: EditActions } | null>(null);
  const editElsewhere = useCallback((task: Task, a: EditActions) => setElsewhere({ task, actions: a }), []);
  const editing = editingId === null ? (elsewhere?.task ?? null) : (list.state.tasks.find((t) => t.id === editingId) ?? null);
  const editActions = editingId === null && elsewhere ? elsewhere.actions : actions;
  const [drawer, setDrawer] = useState(false);
  const closeDrawer = useCallback(() => setDrawer(false), []);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());

  const manual = isManual(view);
  // A list page in manual order shows the whole list (sections and nesting need every row).
  const { nextCursor, loadingMore, status, moreError } = list.state;
  useEffect(() => {
    if (manual && nextCursor && !loadingMore && !moreError && status === "ready") list.loadMore();
  }, [manual, nextCursor, loadingMore, moreError, status, list]);

  const groups = useMemo(() => (manual ? groupBySection(list.state.tasks, sections, view.layout === "board" ? new Set() : collapsed) : []), [manual, list.state.tasks, sections, collapsed, view.layout]);
  const order = useMemo(() => (manual ? groups.flatMap((g) => g.items.map((i) => i.task.id)) : list.state.tasks.map((t) => t.id)), [manual, groups, list.state.tasks]);
  const selection = useSelection(order);
  const tasksRef = useRef(list.state.tasks);
  tasksRef.current = list.state.tasks;
  const bulk = useBulkActions(list, useCallback(() => tasksRef.current, []), refreshCounts);
  const selectedTasks = () => list.state.tasks.filter((t) => selection.ids.has(t.id));
  useEffect(() => selection.exit(), [view.list, view.view]); // eslint-disable-line react-hooks/exhaustive-deps

  const sensors = useDragSensors();
  const organizer = useOrganizer({ list, lists: lists ?? [], listId: manual ? view.list : null, groups, board: view.layout === "board", selected: selection.ids, onCountsChanged: refreshCounts });

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
    // On a list page the lists come first: a list deleted elsewhere is then known gone, not asked for.
    if (view.list !== null) void reloadLists().then(list.reload);
    else list.reload();
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
  const { mode: selecting, ids: selectedIds, onSelect } = selection;
  const rowSelect = useCallback(
    (t: Task): RowSelect | undefined => (t.id > 0 ? { selecting, selected: selectedIds.has(t.id), onSelect: (task, how) => onSelect(task.id, how) } : undefined),
    [selecting, selectedIds, onSelect],
  );
  const onCollapse = useCallback(
    (t: Task) =>
      setCollapsed((c) => {
        const next = new Set(c);
        if (!next.delete(t.id)) next.add(t.id);
        return next;
      }),
    [],
  );

  const selectView = (id: ViewId) => setView({ view: id, list: null, layout: "list", sort: defaultSort(id) });
  const hrefFor = (target: NavItem["target"] | { list: number }) => {
    if ("path" in target) return target.path;
    const listId = "list" in target ? target.list : "inbox" in target ? (lists?.find((l) => l.is_inbox)?.id ?? null) : null;
    if (listId !== null) return viewToSearch({ ...view, list: listId, layout: "list", sort: "manual" });
    const id = "view" in target ? target.view : "pending";
    return viewToSearch({ ...view, view: id, list: null, layout: "list", sort: defaultSort(id) });
  };
  const current = VIEWS.find((v) => v.id === view.view) ?? VIEWS[0];
  const label = view.list !== null ? (page?.name ?? "List") : current.label;
  const filtered = isFiltered(view);
  // Date views show a window of days: count what is on screen, not a server bucket.
  const listCount =
    view.list !== null
      ? counts?.lists.find((l) => l.list_id === view.list)?.pending
      : dates.active
        ? list.state.status === "ready" && !list.state.nextCursor
          ? list.state.tasks.length
          : undefined
        : current.count
          ? counts?.[current.count]
          : undefined;
  const count = headingCount({ filtered, status: list.state.status, shown: list.state.tasks.length, more: list.state.nextCursor !== null, total: listCount });
  useDocumentTitle(label);
  const addable = view.list !== null ? !page?.archived : canAddIn(view.view);

  return (
    <DndContext sensors={sensors} collisionDetection={collision} onDragEnd={organizer.onDragEnd} accessibility={{ screenReaderInstructions: { draggable: "" }, announcements: organizer.announcements }}>
      <div className="tasks-page">
        <Sidebar
          current={view.list !== null ? `list-${view.list}` : view.view}
          counts={counts}
          lists={lists}
          hrefFor={hrefFor}
          onNavigate={(href) => navigate(href)}
          open={drawer}
          onClose={closeDrawer}
        />
        <section className="tasks-main" aria-labelledby="view-heading">
          <div className="tasks-heading">
            <button type="button" className="icon-btn menu-btn" onClick={() => setDrawer(true)} aria-label="Open lists and views" aria-expanded={drawer} data-testid="open-sidebar">
              <MenuIcon />
            </button>
            <h1 id="view-heading" data-testid="view-heading">
              {page && <span className={`list-dot dot-${page.color}`} aria-hidden="true" />}
              {label}
            </h1>
            {count && (
              <span className="muted" data-testid="view-total">
                {count}
              </span>
            )}
            <span className="heading-tools">
              {view.list !== null && (
                <span className="layout-toggle" role="group" aria-label="Layout">
                  <button type="button" className="chip" aria-pressed={view.layout === "list"} onClick={() => setView({ layout: "list" }, true)} data-testid="layout-list">
                    List
                  </button>
                  <button type="button" className="chip" aria-pressed={view.layout === "board"} onClick={() => setView({ layout: "board", sort: "manual" }, true)} data-testid="layout-board">
                    Board
                  </button>
                </span>
              )}
              <button type="button" className="btn btn-ghost btn-small" aria-pressed={selecting} onClick={selecting ? selection.exit : selection.enter} data-testid="select-mode">
                {selecting ? "Cancel selection" : "Select"}
              </button>
              <SortSelect sort={view.sort} onSort={(sort) => setView({ sort }, true)} />
            </span>
          </div>
          {(list.state.stale || !reachable || queued > 0) && <OfflineNotice offline={list.state.stale || !reachable} queued={queued} />}
          {addable && (view.list !== null || dates.showTopAdd) && (
            <QuickAdd inputRef={quickAddRef} onAdd={actions.add} lists={lists ?? []} defaultListId={view.list} day={view.list === null ? dates.topDay : undefined} />
          )}
          {selecting && (
            <BulkBar
              count={selectedIds.size}
              lists={lists ?? []}
              onAction={(a) => void bulk.apply(selectedTasks(), a).then((ok) => ok && selection.clear())}
              onDelete={() => (bulk.remove(selectedTasks()), selection.clear())}
              onSelectAll={selection.all}
              onDone={selection.exit}
            />
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
          {view.list === null && dates.before({ list, handlers, actions, refreshCounts, editElsewhere })}
          {(view.list === null ? dates.body({ list, handlers, actions, refreshCounts, editElsewhere }) : null) ?? (
          <TaskList
            state={list.state}
            handlers={handlers}
            onLoadMore={list.loadMore}
            onRetry={list.reload}
            empty={emptyMessage(view)}
            select={rowSelect}
            draggable={!manual}
            body={
              manual ? (
                view.layout === "board" ? (
                  <BoardView groups={groups} handlers={handlers} select={rowSelect} />
                ) : (
                  <ListView
                    groups={groups}
                    handlers={handlers}
                    select={rowSelect}
                    collapsed={collapsed}
                    onCollapse={onCollapse}
                    onAddSection={addSection}
                    onRenameSection={renameSection}
                    onDeleteSection={removeSection}
                  />
                )
              ) : undefined
            }
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
    </DndContext>
  );
}
