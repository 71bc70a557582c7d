import { useState } from "react";
import type { Occurrence } from "#contracts/occurrences.ts";
import type { TaskCreate } from "#contracts/task.ts";
import { PlusIcon } from "../layout/icons.tsx";
import { startOfDay } from "../tasks/task-dates.ts";
import type { TaskItemHandlers } from "../tasks/task-item.tsx";
import { TaskList } from "../tasks/task-list.tsx";
import type { TaskList as TaskListApi } from "../tasks/use-task-list.ts";
import { DayQuickAdd } from "./day-add.tsx";
import { addDays, byDay, dayHeading, dayKey, dayTitle } from "./days.ts";
import { OccurrenceList } from "./occurrence-list.tsx";

export const UPCOMING_DAYS = 14;

interface Props {
  list: TaskListApi;
  handlers: TaskItemHandlers;
  occurrences: Occurrence[];
  onAdd: (t: TaskCreate) => Promise<boolean>;
  /** The day whose add box the `n` shortcut opened (today), if any. */
  openDay: string | null;
  onOpenDay: (key: string | null) => void;
}

/**
 * Upcoming: the next 14 days, one group per day ("Today", "Tomorrow", "Fri 4
 * Dec"…) with its tasks, its projected repeats and its own add box; then
 * everything due later, as one list.
 */
export function UpcomingDays({ list, handlers, occurrences, onAdd, openDay, onOpenDay }: Props) {
  const [now] = useState(() => new Date());
  const today = startOfDay(now);
  const end = addDays(today, UPCOMING_DAYS);
  const { state } = list;
  if (state.status === "error" || (state.status === "loading" && state.tasks.length === 0)) {
    return (
      <TaskList
        state={state}
        handlers={handlers}
        onLoadMore={list.loadMore}
        onRetry={list.reload}
        empty={{ title: "", body: "" }}
      />
    );
  }
  const tasksByDay = byDay(state.tasks);
  const repeatsByDay = byDay(occurrences);
  const later = state.tasks.filter((t) => t.due_at && new Date(t.due_at) >= end);
  const days = Array.from({ length: UPCOMING_DAYS }, (_, i) => addDays(today, i));

  return (
    <div className="date-groups" data-testid="upcoming-days">
      {days.map((day) => {
        const key = dayKey(day);
        const dayTasks = tasksByDay.get(key) ?? [];
        const repeats = repeatsByDay.get(key) ?? [];
        const empty = dayTasks.length === 0 && repeats.length === 0;
        return (
          <section
            key={key}
            className={`date-group ${empty ? "date-group-empty" : ""}`}
            aria-labelledby={`day-${key}`}
            data-testid="day-group"
            data-day={key}
          >
            <div className="date-group-heading">
              <h2 id={`day-${key}`} data-testid="day-heading">
                {dayHeading(day, now)}
                <span className="sr-only">, {dayTitle(day, now)}</span>
              </h2>
              {dayTasks.length > 0 && <span className="muted">{dayTasks.length}</span>}
              <button
                type="button"
                className="icon-btn day-add-btn"
                aria-label={`Add a task for ${dayTitle(day, now)}`}
                aria-expanded={openDay === key}
                onClick={() => onOpenDay(openDay === key ? null : key)}
                data-testid="day-add"
              >
                <PlusIcon />
              </button>
            </div>
            {openDay === key && <DayQuickAdd day={day} onAdd={onAdd} focus />}
            {dayTasks.length > 0 && (
              <TaskList
                state={{ ...state, tasks: dayTasks, nextCursor: null }}
                handlers={handlers}
                onLoadMore={list.loadMore}
                onRetry={list.reload}
                empty={{ title: "", body: "" }}
              />
            )}
            <OccurrenceList items={repeats} />
          </section>
        );
      })}
      {(later.length > 0 || state.nextCursor) && (
        <section className="date-group" aria-labelledby="day-later" data-testid="day-group" data-day="later">
          <div className="date-group-heading">
            <h2 id="day-later">Later</h2>
          </div>
          <TaskList
            state={{ ...state, tasks: later }}
            handlers={handlers}
            onLoadMore={list.loadMore}
            onRetry={list.reload}
            empty={{ title: "Nothing later yet", body: "" }}
          />
        </section>
      )}
    </div>
  );
}
