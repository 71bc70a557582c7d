import {
  DndContext,
  PointerSensor,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import { useRef, useState, type KeyboardEvent } from "react";
import type { Occurrence } from "#contracts/occurrences.ts";
import type { Task, TaskCreate } from "#contracts/task.ts";
import { startOfDay } from "../tasks/task-dates.ts";
import type { TaskItemHandlers } from "../tasks/task-item.tsx";
import { TaskList } from "../tasks/task-list.tsx";
import type { TaskList as TaskListApi } from "../tasks/use-task-list.ts";
import { ChevronIcon, RepeatIcon } from "./calendar-icons.tsx";
import { visibleRange, type CalendarMode, type CalendarState } from "./calendar-state.ts";
import { DayQuickAdd } from "./day-add.tsx";
import { addDays, addMonths, byDay, dayKey, dayTitle, sameDay, timeLabel } from "./days.ts";
import { OccurrenceList } from "./occurrence-list.tsx";

interface Props {
  state: CalendarState;
  onState: (s: CalendarState) => void;
  list: TaskListApi;
  handlers: TaskItemHandlers;
  occurrences: Occurrence[];
  onAdd: (t: TaskCreate) => Promise<boolean>;
  /** A task dropped on another day: its new due date (same time of day). */
  onMove: (task: Task, day: Date) => void;
}

const monthFmt = new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric" });
const weekdayFmt = new Intl.DateTimeFormat(undefined, { weekday: "short" });
const rangeFmt = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });
/** A cell shows this many chips; the rest is "+N more" (the day panel lists all). */
const CHIPS_MAX = { month: 3, week: 10 } as const;

/**
 * Month and week grids of due tasks and projected repeats. Drag a task to
 * another day to move it there (keeping its time); click a day, or move to it
 * with the arrow keys and press Enter, to add a task due that day in the panel
 * below the grid, which also lists the day's tasks.
 */
export function CalendarView({ state, onState, list, handlers, occurrences, onAdd, onMove }: Props) {
  const [now] = useState(() => new Date());
  const today = startOfDay(now);
  const { weeks } = visibleRange(state);
  const grid = useRef<HTMLDivElement>(null);
  const [addFocus, setAddFocus] = useState(0);
  const sensors = useSensors(
    // A click (under 6 px of movement) still opens the task; a press-and-hold drags on touch screens.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 6 } }),
  );
  const tasksByDay = byDay(list.state.tasks);
  const repeatsByDay = byDay(occurrences);
  const selectedKey = dayKey(state.day);

  function go(day: Date, focus = true) {
    onState({ ...state, day });
    if (focus)
      requestAnimationFrame(() =>
        grid.current?.querySelector<HTMLElement>(`[data-day="${dayKey(day)}"] .cal-day-button`)?.focus(),
      );
  }
  const shift = (n: number) =>
    state.mode === "week" ? addDays(state.day, 7 * n) : clampToMonth(addMonths(state.day, n), state.day);

  function onKey(e: KeyboardEvent) {
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[e.key];
    if (step !== undefined) {
      e.preventDefault();
      go(addDays(state.day, step));
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      const monday = addDays(state.day, -((state.day.getDay() + 6) % 7));
      go(e.key === "Home" ? monday : addDays(monday, 6));
    } else if (e.key === "PageUp" || e.key === "PageDown") {
      e.preventDefault();
      go(shift(e.key === "PageUp" ? -1 : 1));
    }
  }

  function pick(day: Date) {
    onState({ ...state, day });
    setAddFocus((n) => n + 1);
  }

  function onDragEnd(e: DragEndEvent) {
    const task = e.active.data.current?.task as Task | undefined;
    const key = e.over?.id;
    if (!task?.due_at || typeof key !== "string" || key === dayKey(new Date(task.due_at))) return;
    const [y, m, d] = key.split("-").map(Number);
    onMove(task, new Date(y!, m! - 1, d));
  }

  const selectedTasks = tasksByDay.get(selectedKey) ?? [];
  const selectedRepeats = repeatsByDay.get(selectedKey) ?? [];
  const setMode = (mode: CalendarMode) => onState({ ...state, mode });

  return (
    <div className={`calendar calendar-${state.mode}`} data-testid="calendar">
      <div className="cal-toolbar">
        <div className="cal-nav">
          <button
            type="button"
            className="icon-btn"
            aria-label={state.mode === "week" ? "Previous week" : "Previous month"}
            onClick={() => go(shift(-1), false)}
            data-testid="cal-prev"
          >
            <ChevronIcon left />
          </button>
          <button type="button" className="btn btn-small" onClick={() => go(today, false)} data-testid="cal-today">
            Today
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label={state.mode === "week" ? "Next week" : "Next month"}
            onClick={() => go(shift(1), false)}
            data-testid="cal-next"
          >
            <ChevronIcon />
          </button>
          <h2 className="cal-title" aria-live="polite" data-testid="cal-title">
            {state.mode === "week" ? rangeFmt.formatRange(weeks[0]![0]!, weeks[0]![6]!) : monthFmt.format(state.day)}
          </h2>
        </div>
        <div className="segmented" role="group" aria-label="Calendar layout">
          {(["month", "week"] as const).map((m) => (
            <button
              key={m}
              type="button"
              className="btn btn-small"
              aria-pressed={state.mode === m}
              onClick={() => setMode(m)}
              data-testid={`cal-mode-${m}`}
            >
              {m === "month" ? "Month" : "Week"}
            </button>
          ))}
        </div>
      </div>

      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <div
          ref={grid}
          className="cal-grid"
          role="grid"
          aria-label={`Calendar, ${monthFmt.format(state.day)}`}
          aria-describedby="cal-keys"
          onKeyDown={onKey}
          data-testid="cal-grid"
        >
          <div className="cal-row cal-weekdays" role="row">
            {weeks[0]!.map((d) => (
              <div key={d.getDay()} className="cal-weekday" role="columnheader">
                {weekdayFmt.format(d)}
              </div>
            ))}
          </div>
          {weeks.map((week) => (
            <div key={dayKey(week[0]!)} className="cal-row" role="row">
              {week.map((day) => (
                <DayCell
                  key={dayKey(day)}
                  day={day}
                  tasks={tasksByDay.get(dayKey(day)) ?? []}
                  repeats={repeatsByDay.get(dayKey(day)) ?? []}
                  selected={dayKey(day) === selectedKey}
                  today={sameDay(day, today)}
                  outside={state.mode === "month" && day.getMonth() !== state.day.getMonth()}
                  max={CHIPS_MAX[state.mode]}
                  onPick={() => pick(day)}
                  onOpen={handlers.onEdit}
                  now={now}
                />
              ))}
            </div>
          ))}
        </div>
      </DndContext>
      <p id="cal-keys" className="sr-only">
        Arrow keys move between days, Page Up and Page Down change the {state.mode}; Enter adds a task on the focused
        day. Drag a task to another day to move it.
      </p>

      <section
        className="date-group cal-day-panel"
        aria-labelledby="cal-day-heading"
        data-testid="cal-day-panel"
        data-day={selectedKey}
      >
        <div className="date-group-heading">
          <h2 id="cal-day-heading">{dayTitle(state.day, now)}</h2>
        </div>
        <DayQuickAdd day={state.day} onAdd={onAdd} focus={addFocus > 0} key={`${selectedKey}-${addFocus}`} />
        {selectedTasks.length > 0 && (
          <TaskList
            state={{ ...list.state, tasks: selectedTasks, nextCursor: null }}
            handlers={handlers}
            onLoadMore={list.loadMore}
            onRetry={list.reload}
            empty={{ title: "", body: "" }}
          />
        )}
        <OccurrenceList items={selectedRepeats} />
        {selectedTasks.length === 0 && selectedRepeats.length === 0 && (
          <p className="muted cal-day-empty">Nothing due this day.</p>
        )}
      </section>
    </div>
  );
}

/** The same day of the month in another month, or its last day (31 Jan → 28 Feb). */
function clampToMonth(first: Date, like: Date): Date {
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  return new Date(first.getFullYear(), first.getMonth(), Math.min(like.getDate(), last));
}

interface CellProps {
  day: Date;
  tasks: Task[];
  repeats: Occurrence[];
  selected: boolean;
  today: boolean;
  outside: boolean;
  max: number;
  onPick: () => void;
  onOpen: (t: Task) => void;
  now: Date;
}

function DayCell({ day, tasks, repeats, selected, today, outside, max, onPick, onOpen, now }: CellProps) {
  const key = dayKey(day);
  const { setNodeRef, isOver } = useDroppable({ id: key });
  const total = tasks.length + repeats.length;
  const shown = tasks.slice(0, max);
  const room = Math.max(0, max - shown.length);
  const more = total - shown.length - Math.min(room, repeats.length);
  return (
    <div
      ref={setNodeRef}
      role="gridcell"
      aria-selected={selected}
      className={`cal-day ${selected ? "is-selected" : ""} ${today ? "is-today" : ""} ${outside ? "is-outside" : ""} ${isOver ? "is-over" : ""}`}
      data-day={key}
      data-testid="cal-day"
      onClick={(e) => {
        // Clicks on a task chip open the task; anywhere else in the cell picks the day.
        if (!(e.target as HTMLElement).closest(".cal-chip")) onPick();
      }}
    >
      <button
        type="button"
        className="cal-day-button"
        tabIndex={selected ? 0 : -1}
        aria-current={today ? "date" : undefined}
        data-testid="cal-day-button"
      >
        <span className="cal-day-weekday" aria-hidden="true">
          {weekdayFmt.format(day)}
        </span>
        <span className="cal-day-number" aria-hidden="true">
          {day.getDate()}
        </span>
        {total > 0 && (
          <span className="cal-day-count" aria-hidden="true">
            {total}
          </span>
        )}
        {/* The name comes from this text (the visible digits are hidden from it): no aria-label to mismatch. */}
        <span className="sr-only">{`${dayTitle(day, now)}${total ? `, ${total} ${total === 1 ? "task" : "tasks"}` : ""}. Add a task`}</span>
      </button>
      <ul className="cal-chips">
        {shown.map((t) => (
          <TaskChip key={t.id} task={t} onOpen={onOpen} />
        ))}
        {repeats.slice(0, room).map((o) => (
          <li
            key={`${o.task_id}-${o.due_at}`}
            className="cal-chip cal-chip-repeat"
            data-testid="cal-occurrence"
            title={`${o.title} (repeats; preview)`}
          >
            <RepeatIcon />
            <span className="cal-chip-title">{o.title}</span>
            <span className="sr-only">, a future repeat (preview)</span>
          </li>
        ))}
        {more > 0 && <li className="cal-more muted">+{more} more</li>}
      </ul>
    </div>
  );
}

function TaskChip({ task, onOpen }: { task: Task; onOpen: (t: Task) => void }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: `task-${task.id}`,
    data: { task },
    disabled: task.id < 0,
  });
  const time = task.due_at ? timeLabel(task.due_at) : null;
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  return (
    <li
      className={`cal-chip priority-${task.priority} ${isDragging ? "is-dragging" : ""}`}
      data-testid="cal-task"
      data-task-id={task.id}
    >
      <button
        ref={setNodeRef}
        type="button"
        style={style}
        className="cal-chip-button"
        {...listeners}
        {...attributes}
        // Keyboard users open the task (its editor moves the date); dragging is for pointers.
        tabIndex={-1}
        role="button"
        aria-roledescription="task"
        onClick={() => onOpen(task)}
      >
        {time && <span className="cal-chip-time">{time}</span>}
        <span className="cal-chip-title">{task.title}</span>
        <span className="sr-only">, open</span>
      </button>
    </li>
  );
}
