import { useEffect, useMemo, useRef } from "react";
import type { TaskCreate } from "#contracts/task.ts";
import { useLists } from "../lists/lists-store.ts";
import { QuickAdd } from "../tasks/quick-add.tsx";
import { allDayOn, dayKey, dayTitle } from "./days.ts";

/** A quick-add box for one day: what it adds without a date is due that day. */
export function DayQuickAdd({
  day,
  onAdd,
  focus = false,
}: {
  day: Date;
  onAdd: (t: TaskCreate) => Promise<boolean>;
  focus?: boolean;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const lists = useLists();
  const key = dayKey(day);
  const target = useMemo(() => ({ due_at: allDayOn(day), label: dayTitle(day) }), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, key]);
  return <QuickAdd inputRef={ref} onAdd={onAdd} lists={lists ?? []} defaultListId={null} day={target} idPrefix={`quick-add-${key}`} />;
}
