/**
 * Round-2 held-out set (issue 13): written before any tuning for it, from the
 * failures new users reported, the original brief's examples verbatim, and the
 * vocabulary the lists and time issues bring (lists, subtasks, recurrence,
 * reminders). Expected arguments follow the tool contracts; a tool or argument
 * that does not exist yet (update_tasks, created_after, recurrence, reminders)
 * is what the interpreter is expected to grow into.
 *
 * Clock: Saturday 2026-11-28 10:00 UTC; SEED tasks 1–8 (case-helpers.ts).
 * First run, before tuning: see ROUND2_FIRST_SCORE in offline-eval.test.ts.
 */
import { one, REPORTS, talk, type EvalCase, type ExpectedCall } from "./case-helpers.ts";

/** A lookup whose search words are the interpreter's business: only the final call is pinned. */
const found = (say: string, tool: string, args: Record<string, unknown>, reply?: RegExp): EvalCase => ({
  name: say,
  turns: [{ say, calls: [{ tool: "list_tasks" }, { tool, args }], reply }],
});
const calls = (say: string, expected: ExpectedCall[], reply?: RegExp): EvalCase => ({ name: say, turns: [{ say, calls: expected, reply }] });
const says = (say: string, reply: RegExp): EvalCase => ({ name: say, turns: [{ say, reply }] });

/** The original project's brief, verbatim, with the tool calls it expects. */
export const BRIEF: EvalCase[] = [
  one("Add a task to buy groceries", "add_task", { title: "Buy groceries" }),
  one("Show me all my tasks", "list_tasks", { status: "all" }),
  one("What's pending?", "list_tasks", { status: "pending" }),
  one("What have I completed?", "list_tasks", { status: "completed" }),
  one("Mark task 3 as complete", "complete_task", { id: 3 }),
  {
    name: "Delete the meeting task",
    seed: [{ title: "Buy milk" }, { title: "Prepare the team meeting" }],
    turns: [{ say: "Delete the meeting task", calls: [{ tool: "list_tasks" }, { tool: "delete_task", args: { id: 2 } }] }],
  },
  one("Change task 1 to 'Call mom tonight'", "update_task", { id: 1, title: "Call mom tonight" }),
  one("I need to remember to pay bills", "add_task", { title: "Pay bills" }),
];

const COMPOUND: EvalCase[] = [
  calls("add three tasks: milk, eggs, bread", [
    { tool: "add_task", args: { title: "Milk" } },
    { tool: "add_task", args: { title: "Eggs" } },
    { tool: "add_task", args: { title: "Bread" } },
  ]),
  calls("add milk, eggs and bread", [
    { tool: "add_task", args: { title: "Milk" } },
    { tool: "add_task", args: { title: "Eggs" } },
    { tool: "add_task", args: { title: "Bread" } },
  ]),
  calls("add call the bank and also book flights", [
    { tool: "add_task", args: { title: "Call the bank" } },
    { tool: "add_task", args: { title: "Book flights" } },
  ]),
  calls("add buy stamps, then mark task 3 done", [
    { tool: "add_task", args: { title: "Buy stamps" } },
    { tool: "complete_task", args: { id: 3 } },
  ]),
  calls("complete task 1 and delete task 7", [
    { tool: "complete_task", args: { id: 1 } },
    { tool: "delete_task", args: { id: 7 } },
  ]),
];

const LANDLORD = [{ title: "Email landlord" }, { title: "Buy milk" }];

const MEANING: EvalCase[] = [
  { ...found("I've emailed the landlord", "complete_task", { id: 1 }), seed: LANDLORD },
  { ...found("the landlord email is done", "complete_task", { id: 1 }), seed: LANDLORD },
  found("cross off the rent", "complete_task", { id: 4 }),
  found("finished paying rent", "complete_task", { id: 4 }),
  found("done with the quarterly report", "complete_task", { id: 2 }),
  found("scratch the dry cleaning", "delete_task", { id: 6 }),
  found("drop the offsite", "delete_task", { id: 8 }),
  found("nuke the dry cleaning task", "delete_task", { id: 6 }),
  one("get rid of task 5", "delete_task", { id: 5 }),
  found("rename the offsite to Plan offsite venue", "update_task", { id: 8, title: "Plan offsite venue" }),
  one("retitle task 4: Pay December rent", "update_task", { id: 4, title: "Pay December rent" }),
  found("make the rent urgent", "update_task", { id: 4, priority: "high" }),
  one("set task 2 to low priority", "update_task", { id: 2, priority: "low" }),
  found("tag the offsite with planning", "update_task", { id: 8, add_tags: ["planning"] }),
  // Fixed during tuning: no tool shifts a date by a duration, so the model must read task 3's due date first.
  calls("postpone task 3 by a day", [{ tool: "get_task", args: { id: 3 } }, { tool: "update_task", args: { id: 3, due_at: "2026-11-29T17:00:00Z" } }]),
  one("reopen task 5", "complete_task", { id: 5, completed: false }),
  found("un-complete the passport task", "complete_task", { id: 7, completed: false }),
  one("add renew insurance with high priority and tag it personal", "add_task", { title: "Renew insurance", priority: "high", tags: ["personal"] }),
  {
    name: "two tasks match equally: ask",
    seed: REPORTS,
    turns: [{ say: "finish the report", calls: [{ tool: "list_tasks" }], reply: /Which one/ }],
  },
];

const ADDS: EvalCase[] = [
  one("remind me to renew my license next tuesday at 10", "add_task", { title: "Renew my license", due_at: "2026-12-01T10:00:00Z" }),
  one("add dinner with Sam on the 12th at 7:30pm", "add_task", { title: "Dinner with Sam", due_at: "2026-12-12T19:30:00Z" }),
  one("put 'call plumber' on tomorrow's list", "add_task", { title: "Call plumber", due_at: "2026-11-29T23:59:59Z" }),
  one("jot down: call the vet", "add_task", { title: "Call the vet" }),
  one("note to self — buy a new charger", "add_task", { title: "Buy a new charger" }),
  one("can you remind me to water the plants on sunday morning", "add_task", { title: "Water the plants" }),
  one("add task: Prepare tax documents !high", "add_task", { title: "Prepare tax documents", priority: "high" }),
  one("add 'fix the leaking tap' p1", "add_task", { title: "Fix the leaking tap", priority: "high" }),
  one("add gym session p3 tomorrow", "add_task", { title: "Gym session", priority: "low", due_at: "2026-11-29T23:59:59Z" }),
  one("schedule a call with Anna next wednesday 2pm @work", "add_task", { title: "Call with Anna", tags: ["work"], due_at: "2026-12-02T14:00:00Z" }),
  one("remember to buy a gift for Lea", "add_task", { title: "Buy a gift for Lea" }),
  one("I must file the taxes by friday", "add_task", { title: "File the taxes", due_at: "2026-12-04T23:59:59Z" }),
];

const QUESTIONS: EvalCase[] = [
  one("what's left for today?", "list_tasks", { due_after: "2026-11-28T00:00:00Z", due_before: "2026-11-29T00:00:00Z", status: "pending" }),
  one("anything due tomorrow?", "list_tasks", { due_after: "2026-11-29T00:00:00Z", due_before: "2026-11-30T00:00:00Z" }),
  one("what's due next week?", "list_tasks", { due_after: "2026-11-30T00:00:00Z", due_before: "2026-12-07T00:00:00Z" }),
  one("show me what's urgent", "list_tasks", { priority: "high" }),
  one("what's overdue and high priority?", "list_tasks", { overdue: true, priority: "high" }),
  one("find the passport", "list_tasks", { query: "passport" }),
  one("search for milk", "list_tasks", { query: "milk" }),
  one("how many tasks do I have?", "list_tasks", { status: "pending" }, /\d+ (open |pending )?tasks?/),
  one("what did I add today?", "list_tasks", { created_after: "2026-11-28T00:00:00Z" }),
  one("what did I finish this week?", "list_tasks", { status: "completed", completed_after: "2026-11-23T00:00:00Z" }),
];

const BULK: EvalCase[] = [
  one("move all overdue tasks to tomorrow", "update_tasks", { filter: { overdue: true }, due_at: "2026-11-29T23:59:59Z" }),
  one("push everything due today to next week", "update_tasks", { filter: { due_after: "2026-11-28T00:00:00Z", due_before: "2026-11-29T00:00:00Z" }, due_at: "2026-11-30T23:59:59Z" }),
  one("mark everything tagged errands as done", "complete_tasks", { filter: { tag: "errands" } }),
  one("clear all completed tasks", "delete_tasks", { filter: { status: "completed" } }),
  one("make all work tasks high priority", "update_tasks", { filter: { tag: "work" }, priority: "high" }),
];

const HONEST: EvalCase[] = [
  {
    name: "already due then: say no change",
    seed: [{ title: "Write the report", due_at: "2026-12-04T23:59:59Z" }],
    turns: [{ say: "push the report to Friday", reply: /already/i }],
  },
  says("delete task 99", /task 99/i),
  says("complete task 42", /task 42/i),
  { name: "no such task by words", turns: [{ say: "mark the unicorn task done", calls: [{ tool: "list_tasks" }], reply: /no task|couldn't find|nothing/i }] },
  talk("asdfgh qwerty", /understand/i),
  talk("añade comprar leche", /English/),
  talk("hola, ¿qué tengo pendiente?", /English/),
];

const LISTS: EvalCase[] = [
  one("make a new list named Garden", "create_list", { name: "Garden" }),
  one("start a project called Home reno", "create_list", { name: "Home reno" }),
  one("what lists do I have?", "list_lists", {}),
  one("show my lists", "list_lists", {}),
  {
    name: "create a list, then add to it",
    turns: [
      { say: "create a list called Errands", calls: [{ tool: "create_list", args: { name: "Errands" } }] },
      // Whether it looks the list up first is the interpreter's business: the reply must name both.
      { say: "put 'buy stamps' in errands", reply: /Buy stamps[\s\S]*Errands/i },
    ],
  },
  {
    name: "create a list, then move a task into it",
    turns: [
      { say: "new list: Work", calls: [{ tool: "create_list", args: { name: "Work" } }] },
      { say: "move task 2 to the Work list", calls: [{ tool: "move_tasks", args: { ids: [2] } }], reply: /Work/ },
    ],
  },
  { name: "a subtask under a task named by words", turns: [{ say: "add 'book venue' as a subtask of the offsite", reply: /Book venue/ }] },
];

const TIME: EvalCase[] = [
  one("pay rent every month", "add_task", { title: "Pay rent", recurrence: { rule: "FREQ=MONTHLY" } }),
  one("water the plants every monday and thursday", "add_task", { title: "Water the plants", recurrence: { rule: "FREQ=WEEKLY;BYDAY=MO,TH" } }),
  // Corrected 2026-12-02 (written before the recurrence format existed): the one grammar keeps the time in the rule
  // (BYHOUR/BYMINUTE, as quick-add and REST `recurrence.text` store it), and add_task without due_at is due at the
  // first occurrence, which the server computes; the reply shows that stored due date (Monday 9:30).
  one("standup every weekday at 9:30am", "add_task", { title: "Standup", recurrence: { rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=30" } }, /due Monday, Nov 30 at 9:30 AM/),
  one("take out the bins every other tuesday", "add_task", { title: "Take out the bins", recurrence: { rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" } }),
  one("change the filter every! 3 months", "add_task", { title: "Change the filter", recurrence: { rule: "FREQ=MONTHLY;INTERVAL=3", from: "completion" } }),
  one("make task 4 repeat monthly", "update_task", { id: 4, recurrence: { rule: "FREQ=MONTHLY" } }),
  one("stop repeating task 4", "update_task", { id: 4, recurrence: null }),
  one("remind me in 2 hours to call the bank", "add_task", { title: "Call the bank", reminders: [{ at: "2026-11-28T12:00:00Z" }] }),
  one("dentist friday 3pm, remind me 1 hour before", "add_task", { title: "Dentist", due_at: "2026-12-04T15:00:00Z", reminders: [{ before_minutes: 60 }] }),
  one("remind me about task 3 30 minutes before", "update_task", { id: 3, reminders: [{ before_minutes: 30 }] }),
  found("set a reminder for the rent at 8am", "update_task", { id: 4, reminders: [{ at: "2026-11-29T08:00:00Z" }] }),
];

export const ROUND2: EvalCase[] = [...BRIEF, ...COMPOUND, ...MEANING, ...ADDS, ...QUESTIONS, ...BULK, ...HONEST, ...LISTS, ...TIME];
