/**
 * The date views' part of the task page (Today's overdue group, Upcoming by
 * day, the calendar): what they fetch, what they draw and where quick-add puts
 * new tasks. The page keeps one task list; this decides its window and layout.
 */
import { useMemo, useState, type ReactNode } from "react";
import type { Task } from "#contracts/task.ts";
import { navigate } from "../../lib/router.tsx";
import { useToast } from "../../lib/toast.tsx";
import { UNDO_WINDOW_MS } from "../tasks/pending-deletes.ts";
import { startOfDay } from "../tasks/task-dates.ts";
import type { TaskItemHandlers } from "../tasks/task-item.tsx";
import type { useTaskActions } from "../tasks/use-task-actions.ts";
import type { TaskList } from "../tasks/use-task-list.ts";
import { viewToSearch, type TaskView } from "../tasks/views.ts";
import { calendarSearch, parseCalendar, visibleRange, type CalendarState } from "./calendar-state.ts";
import { CalendarView } from "./calendar-view.tsx";
import { addDays, allDayOn, dayHeading, dayKey, dayTitle, moveToDay } from "./days.ts";
import { OverdueGroup, type EditActions } from "./overdue-group.tsx";
import { UPCOMING_DAYS, UpcomingDays } from "./upcoming-days.tsx";
import { useOccurrences } from "./use-occurrences.ts";

export interface PageParts {
  list: TaskList;
  handlers: TaskItemHandlers;
  actions: ReturnType<typeof useTaskActions>;
  refreshCounts: () => void;
  /** Opens the page's editor on a task that lives in another list (Today's overdue group). */
  editElsewhere: (t: Task, actions: EditActions) => void;
}

const short = (title: string) => (title.length > 40 ? `${title.slice(0, 39)}…` : title);

export function useDateViews(view: TaskView, search: URLSearchParams) {
  const toast = useToast();
  const [version, setVersion] = useState(0);
  const [openDay, setOpenDay] = useState<string | null>(null);
  const now = new Date();
  const today = startOfDay(now);
  const todayKey = dayKey(today);
  const cal = view.view === "calendar" ? parseCalendar(search, now) : null;
  const calKey = cal ? `${cal.mode}|${dayKey(cal.day)}` : "";
  const calRange = cal ? visibleRange(cal) : null;
  // Only the grid's window matters for the query: picking another day in the same month refetches nothing.
  const rangeKey = calRange ? `${calRange.from.getTime()}-${calRange.to.getTime()}` : "";
  const range = useMemo(() => (calRange ? { from: calRange.from, to: calRange.to } : undefined), [rangeKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const upcoming = view.view === "upcoming";
  const windowFrom = range?.from ?? today;
  const windowTo = range?.to ?? addDays(today, UPCOMING_DAYS);
  const occurrences = useOccurrences(windowFrom, windowTo, version, upcoming || !!cal);
  const topDay = useMemo(
    () => {
      const day = startOfDay(new Date());
      // Today and Upcoming's top box add to today (a typed date still wins); the calendar adds per day.
      return view.view === "today" || view.view === "upcoming"
        ? { due_at: allDayOn(day), label: dayHeading(day, day).toLowerCase() }
        : undefined;
    },
    // Recomputed when the day changes (a page left open past midnight).
    [view.view, todayKey], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const upcomingEnd = addDays(today, UPCOMING_DAYS).getTime();

  const setCalendar = (s: CalendarState) => {
    const base = viewToSearch(view);
    const tail = calendarSearch(s, now);
    navigate(tail ? `${base}${base.includes("?") ? "&" : "?"}${tail}` : base, { replace: true });
  };

  const move = (parts: PageParts) => (task: Task, day: Date) => {
    if (!task.due_at) return;
    const before = task.due_at;
    void parts.actions.update(task, { due_at: moveToDay(before, day) }).then((ok) => {
      if (!ok) return;
      toast.show({
        message: `Moved “${short(task.title)}” to ${dayTitle(day, now)}`,
        duration: UNDO_WINDOW_MS,
        action: {
          label: "Undo",
          onAction: () => void parts.actions.update({ ...task, due_at: moveToDay(before, day) }, { due_at: before }),
        },
      });
    });
  };

  return {
    active: upcoming || !!cal,
    range,
    rangeKey: `${rangeKey}|${calKey ? "cal" : ""}`,
    /** Upcoming and the calendar group every task of their days, so they load every page of their window. */
    loadAll: upcoming || !!cal,
    needMore: (last: { due_at: string | null } | undefined) =>
      !upcoming || !last?.due_at || new Date(last.due_at).getTime() < upcomingEnd,
    /** The calendar adds in its day panel; Today's and Upcoming's box adds to today. */
    showTopAdd: !cal,
    topDay,
    /** The `n` shortcut: the date view's own add box, if it has one. */
    focusAdd: (): boolean => {
      if (cal) {
        document.getElementById(`quick-add-${dayKey(cal.day)}-input`)?.focus();
        return true;
      }
      return false;
    },
    changed: () => setVersion((v) => v + 1),
    before: (parts: PageParts): ReactNode =>
      view.view === "today" ? (
        <OverdueGroup
          filters={{ priority: view.priority, tag: view.tag ? [view.tag] : [], q: view.q.trim() || undefined }}
          onTag={parts.handlers.onTag}
          onEdit={parts.editElsewhere}
          onChanged={() => {
            parts.list.reload();
            parts.refreshCounts();
          }}
        />
      ) : null,
    body: (parts: PageParts): ReactNode => {
      if (upcoming) {
        return (
          <UpcomingDays
            list={parts.list}
            handlers={parts.handlers}
            occurrences={occurrences}
            onAdd={parts.actions.add}
            openDay={openDay}
            onOpenDay={setOpenDay}
          />
        );
      }
      if (cal) {
        return (
          <CalendarView
            state={cal}
            onState={setCalendar}
            list={parts.list}
            handlers={parts.handlers}
            occurrences={occurrences}
            onAdd={parts.actions.add}
            onMove={move(parts)}
          />
        );
      }
      return null;
    },
  };
}
