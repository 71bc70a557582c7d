/**
 * Round-2 variants: wordings written after tuning on the round-2 held-out
 * failures (repeat and stop repeating an existing task, reminders on an
 * existing task, a new task that carries a reminder), to check that each fix
 * reads the general phrase and not one sentence. Not held out: they were
 * written alongside the fixes. Clock and SEED as in case-helpers.ts.
 */
import { one, SEED, type EvalCase, type ExpectedCall } from "./case-helpers.ts";

const found = (say: string, tool: string, args: Record<string, unknown>, reply?: RegExp): EvalCase => ({
  name: say,
  turns: [{ say, calls: [{ tool: "list_tasks" }, { tool, args }], reply }],
});

/** SEED with task 4 (Pay rent) repeating monthly and task 3 (Call mom) with a reminder. */
const REPEATING: EvalCase["seed"] = SEED.map((t, i) =>
  i === 3 ? { ...t, recurrence: { rule: "FREQ=MONTHLY" } } : i === 2 ? { ...t, reminders: [{ before_minutes: 15 }] } : t,
);
const withSeed = (c: EvalCase): EvalCase => ({ ...c, seed: REPEATING });
const calls = (say: string, expected: ExpectedCall[], reply?: RegExp): EvalCase => ({ name: say, turns: [{ say, calls: expected, reply }] });

/** "make task 4 repeat monthly" */
const REPEAT: EvalCase[] = [
  one("make task 2 repeat every friday", "update_task", { id: 2, recurrence: { rule: "FREQ=WEEKLY;BYDAY=FR" } }, /repeat every Friday/),
  one("task 8 should repeat every 2 weeks", "update_task", { id: 8, recurrence: { rule: "FREQ=WEEKLY;INTERVAL=2" } }),
  one("change the recurrence of task 6 to every month on the 1st", "update_task", { id: 6, recurrence: { rule: "FREQ=MONTHLY;BYMONTHDAY=1" } }),
  found("make the offsite repeat yearly", "update_task", { id: 8, recurrence: { rule: "FREQ=YEARLY" } }),
  // Words the grammar does not read: say so, never add a task called "2 repeat …".
  { name: "repeat words not understood", turns: [{ say: "make task 2 repeat on alternate blue moons", calls: [], reply: /didn't understand how it should repeat/ }] },
];

/** "stop repeating task 4" (task 4 repeats in this seed) */
const STOP: EvalCase[] = [
  withSeed(one("task 4 shouldn't repeat anymore", "update_task", { id: 4, recurrence: null }, /Removed the repeat/)),
  withSeed(one("remove the recurrence from task 4", "update_task", { id: 4, recurrence: null })),
  // "cancel" and "delete" are delete verbs too: the task itself must stay.
  withSeed(one("cancel the repeat on task 4", "update_task", { id: 4, recurrence: null })),
  one("stop repeating task 2", "update_task", { id: 2, recurrence: null }, /doesn't repeat, so there was nothing to stop/),
];

/** "dentist friday 3pm, remind me 1 hour before" */
const ADD_WITH_REMINDER: EvalCase[] = [
  one("team lunch dec 10 at noon, remind me a day before", "add_task", { title: "Team lunch", due_at: "2026-12-10T12:00:00Z", reminders: [{ before_minutes: 1440 }] }, /reminding you 1 day before/),
  one("call the plumber tomorrow at 9am remind me 15 minutes before", "add_task", { title: "Call the plumber", due_at: "2026-11-29T09:00:00Z", reminders: [{ before_minutes: 15 }] }),
  one("vet appointment dec 3 4:30pm — remind me 2 hours before", "add_task", { title: "Vet appointment", due_at: "2026-12-03T16:30:00Z", reminders: [{ before_minutes: 120 }] }),
];

/** "remind me about task 3 30 minutes before" */
const REMIND_BY_NUMBER: EvalCase[] = [
  one("remind me about task 2 a day before", "update_task", { id: 2, reminders: [{ before_minutes: 1440 }] }, /remind you 1 day before it's due/),
  one("remind me tomorrow at 9am about task 8", "update_task", { id: 8, reminders: [{ at: "2026-11-29T09:00:00Z" }] }),
  one("remind me 1 hour before task 3 is due", "update_task", { id: 3, reminders: [{ before_minutes: 60 }] }),
  {
    name: "remind me about it, after looking at a task",
    turns: [
      { say: "show task 3", calls: [{ tool: "get_task", args: { id: 3 } }] },
      { say: "remind me about it in 2 hours", calls: [{ tool: "update_task", args: { id: 3, reminders: [{ at: "2026-11-28T12:00:00Z" }] } }] },
    ],
  },
  // "delete" is a delete verb: only the reminders go.
  withSeed(one("delete the reminder for task 3", "update_task", { id: 3, reminders: null }, /Removed the reminders/)),
];

/** "set a reminder for the rent at 8am" */
const REMIND_BY_TITLE: EvalCase[] = [
  found("set a reminder at 8am for the offsite", "update_task", { id: 8, reminders: [{ at: "2026-11-29T08:00:00Z" }] }),
  found("add a reminder on the quarterly report 2 days before", "update_task", { id: 2, reminders: [{ before_minutes: 2880 }] }),
  // Not an existing task: "remind me about …" with title words still adds one.
  calls("remind me about the car service on dec 9 at 8am", [{ tool: "add_task", args: { title: "The car service", due_at: "2026-12-09T08:00:00Z" } }]),
];

export const ROUND2_VARIANTS: EvalCase[] = [...REPEAT, ...STOP, ...ADD_WITH_REMINDER, ...REMIND_BY_NUMBER, ...REMIND_BY_TITLE];
