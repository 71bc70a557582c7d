/** The eval cases: the first batch by topic, then the held-out batches (cases-heldout.ts). */
import { lookup, ny, one, viaLists, REPORTS, talk, type EvalCase } from "./case-helpers.ts";
import { SECOND, THIRD } from "./cases-heldout.ts";

export { NOW, SEED, type EvalCase, type ExpectedCall, type Turn } from "./case-helpers.ts";

const ADD: EvalCase[] = [
  viaLists("add buy milk tomorrow 9am #errands", { title: "Buy milk", due_at: "2026-11-29T09:00:00Z", tags: ["errands"] }, /^Added “Buy milk” \(task 9\), due tomorrow at 9:00 AM, tagged #errands\.$/),
  one("remind me to call mom on friday", "add_task", { title: "Call mom", due_at: "2026-12-04T23:59:59Z" }, /Friday, Dec 4/),
  one("new task: report, high priority", "add_task", { title: "Report", priority: "high" }, /high priority/),
  one("create a task to pay rent due Dec 1 tagged bills", "add_task", { title: "Pay rent", due_at: "2026-12-01T23:59:59Z", tags: ["bills"] }),
  one("add water the plants", "add_task", { title: "Water the plants" }, /^Added “Water the plants” \(task 9\)\.$/),
  one("Add 'Send invoice to ACME' by next monday 10am, urgent", "add_task", { title: "Send invoice to ACME", priority: "high", due_at: "2026-11-30T10:00:00Z" }),
  viaLists("add a task: prepare slides for monday #work", { title: "Prepare slides", due_at: "2026-11-30T23:59:59Z", tags: ["work"] }),
  one("remind me to take out the trash tonight", "add_task", { title: "Take out the trash", due_at: "2026-11-28T22:00:00Z" }),
  one("I need to renew car insurance by Dec 15, low priority", "add_task", { title: "Renew car insurance", priority: "low", due_at: "2026-12-15T23:59:59Z" }),
  one("add call the bank with description ask about the mortgage rate", "add_task", { title: "Call the bank", description: "ask about the mortgage rate" }),
  viaLists("add buy groceries #errands #home", { title: "Buy groceries", tags: ["errands", "home"] }),
  one("create task Review PR 42 in 2 hours", "add_task", { title: "Review PR 42", due_at: "2026-11-28T12:00:00Z" }),
  one("schedule dentist checkup on 12/10 at 3pm", "add_task", { title: "Dentist checkup", due_at: "2026-12-10T15:00:00Z" }),
  one("todo: clean the garage on sunday", "add_task", { title: "Clean the garage", due_at: "2026-11-29T23:59:59Z" }),
  one("add important: file taxes", "add_task", { title: "File taxes", priority: "high" }),
  one("don't forget to feed the cat at 6pm", "add_task", { title: "Feed the cat", due_at: "2026-11-28T18:00:00Z" }),
  one("Please add “Plan May trip” with medium priority", "add_task", { title: "Plan May trip", priority: "medium" }),
  one("new task buy a birthday gift for Sam next Saturday tagged family, gifts", "add_task", { title: "Buy a birthday gift for Sam", due_at: "2026-12-05T23:59:59Z", tags: ["family", "gifts"] }),
  ny(one("add buy milk tomorrow 9am", "add_task", { due_at: "2026-11-29T09:00:00-05:00" }, /tomorrow at 9:00 AM/)),
  ny(one("remind me to call mom on friday", "add_task", { due_at: "2026-12-04T23:59:59-05:00" })),
  // 22:30 on Saturday in New York is already Sunday in UTC: "tomorrow" is still the local Sunday.
  ny(one("add submit timesheet tomorrow at 8am", "add_task", { title: "Submit timesheet", due_at: "2026-11-29T08:00:00-05:00" }, /tomorrow at 8:00 AM/), "2026-11-29T03:30:00Z"),
];

/** Lists, sections and subtasks (issue 10). */
const LISTS: EvalCase[] = [
  viaLists("add eggs to groceries", { title: "Eggs", list: "Groceries" }, /^Added “Eggs” \(task 9\) to Groceries\.$/, ["Groceries"]),
  viaLists("add eggs to groceries", { title: "Eggs to groceries" }, /^Added “Eggs to groceries” \(task 9\)\.$/),
  viaLists("add milk #groceries tomorrow", { title: "Milk", list: "Groceries" }, /to Groceries, due tomorrow/, ["Groceries"]),
  {
    name: "what's on my work list?",
    lists: ["Work"],
    seed: [{ title: "Write the quarterly report", list_id: 2 }, { title: "Buy milk" }, { title: "Plan team offsite", list_id: 2, completed: true }],
    turns: [{ say: "what's on my work list?", calls: [{ tool: "list_tasks", args: { list: "work", status: "pending" } }], reply: /^You have 1 open task on your work list:\n- “Write the quarterly report” \(task 1\)$/ }],
  },
  {
    name: "move the report to the Work list",
    lists: ["Work"],
    turns: [
      {
        say: "move the report to the Work list",
        calls: [{ tool: "list_tasks", args: { query: "report" } }, { tool: "move_tasks", args: { ids: [2], list: "Work" } }],
        reply: /^Moved “Write the quarterly report” \(task 2\) to Work\.$/,
      },
    ],
  },
  {
    name: "add 'book venue' under the party task",
    seed: [{ title: "Plan the party" }],
    turns: [{ say: "add 'book venue' under the party task", calls: [{ tool: "add_task", args: { title: "Book venue", parent: "party" } }], reply: /^Added “Book venue” \(task 2\) under “party”\.$/ }],
  },
  one("create a list called Garden", "create_list", { name: "Garden" }, /^Created the list “Garden”\.$/),
  one("new list: Reading", "create_list", { name: "Reading" }, /Created the list “Reading”/),
];

const LIST: EvalCase[] = [
  one("what's overdue?", "list_tasks", { overdue: true, status: "pending" }, /2 overdue tasks[\s\S]*Pick up dry cleaning[\s\S]*Buy milk/),
  one("show my tasks", "list_tasks", { status: "pending" }, /Buy milk \(task 1\)|“Buy milk” \(task 1\)/),
  one("what do I have today", "list_tasks", { due_after: "2026-11-28T00:00:00Z", due_before: "2026-11-29T00:00:00Z", status: "pending" }, /Call mom/),
  one("what do I have this week?", "list_tasks", { due_after: "2026-11-28T00:00:00Z", due_before: "2026-11-30T00:00:00Z" }, /Call mom/),
  one("what's due tomorrow", "list_tasks", { due_after: "2026-11-29T00:00:00Z", due_before: "2026-11-30T00:00:00Z" }, /no pending|no tasks due tomorrow/),
  one("show completed tasks", "list_tasks", { status: "completed" }, /Renew passport[\s\S]*Book dentist appointment/),
  one("list high priority tasks", "list_tasks", { priority: "high", status: "pending" }, /quarterly report/),
  one("tasks tagged work", "list_tasks", { tag: "work" }, /Plan team offsite/),
  // Found by trying the app by hand: a question is not a reschedule, and a day name is a day range.
  one("what is due tomorrow?", "list_tasks", { due_after: "2026-11-29T00:00:00Z", due_before: "2026-11-30T00:00:00Z", status: "pending" }, /no tasks due tomorrow/),
  one("show tasks due this week", "list_tasks", { due_after: "2026-11-28T00:00:00Z", due_before: "2026-11-30T00:00:00Z" }, /Call mom/),
  one("what did I finish?", "list_tasks", { status: "completed" }, /Renew passport/),
  one("which tasks are due on Dec 1?", "list_tasks", { due_after: "2026-12-01T00:00:00Z", due_before: "2026-12-02T00:00:00Z" }, /due Dec 1:\n- “Pay rent”/i),
  one("find the report", "list_tasks", { query: "report" }, /quarterly report/),
  one("what's pending", "list_tasks", { status: "pending" }, /6 pending tasks/),
  one("show all my tasks", "list_tasks", { status: "all" }, /8 tasks/),
  one("anything due next week?", "list_tasks", { due_after: "2026-11-30T00:00:00Z", due_before: "2026-12-07T00:00:00Z" }, /Pay rent[\s\S]*quarterly report|quarterly report[\s\S]*Pay rent/),
  one("show #errands", "list_tasks", { tag: "errands" }, /Buy milk/),
  one("search for dentist", "list_tasks", { query: "dentist" }, /Book dentist appointment/),
  one("what are my urgent tasks?", "list_tasks", { priority: "high" }),
  one("how many tasks do I have left?", "list_tasks", { status: "pending" }),
  one("show me what I finished", "list_tasks", { status: "completed" }),
  one("list low priority tasks", "list_tasks", { priority: "low" }),
  one("do I have anything overdue tagged errands?", "list_tasks", { overdue: true, tag: "errands" }),
  ny(one("what's due today?", "list_tasks", { due_after: "2026-11-28T00:00:00-05:00", due_before: "2026-11-29T00:00:00-05:00" }), "2026-11-29T03:30:00Z"),
];

const COMPLETE: EvalCase[] = [
  one("mark task 3 done", "complete_task", { id: 3 }, /^Marked “Call mom” \(task 3\) as done\.$/),
  lookup("complete the milk task", "milk", "complete_task", { id: 1 }, "pending", /Buy milk/),
  lookup("I finished the report", "report", "complete_task", { id: 2 }, "pending", /as done/),
  one("reopen task 5", "complete_task", { id: 5, completed: false }, /Reopened “Book dentist appointment”/),
  one("#4 is done", "complete_task", { id: 4 }),
  one("check off number 6", "complete_task", { id: 6 }),
  one("mark task 99 done", "complete_task", { id: 99 }, /^Sorry, .*not found\.$/),
  { name: "complete the unicorn task", turns: [{ say: "complete the unicorn task", calls: [{ tool: "list_tasks", args: { query: "unicorn" } }], reply: /couldn't find/ }] },
  one("complete all overdue tasks", "complete_tasks", { filter: { overdue: true } }, /Marked 2 tasks as done/),
  one("mark all #errands tasks done", "complete_tasks", { filter: { tag: "errands", status: "pending" } }, /Marked 2 tasks as done/),
  lookup("uncheck the passport task", "passport", "complete_task", { id: 7, completed: false }, "completed"),
  one("tasks 3 and 4 are done", "complete_tasks", { ids: [3, 4] }, /Marked 2 tasks as done/),
  one("finish task 8", "complete_task", { id: 8 }),
  lookup("I'm done with the dry cleaning", "dry cleaning", "complete_task", { id: 6 }, "pending"),
];

const UPDATE: EvalCase[] = [
  lookup("push the report to Friday", "report", "update_task", { id: 2, due_at: "2026-12-04T23:59:59Z" }, undefined, /^Moved “Write the quarterly report” \(task 2\) to Friday, Dec 4\.$/),
  one("move task 4 to next monday 10am", "update_task", { id: 4, due_at: "2026-11-30T10:00:00Z" }, /Monday, Nov 30 at 10:00 AM/),
  one("rename task 2 to Call dad", "update_task", { id: 2, title: "Call dad" }, /^Renamed task 2 to “Call dad”\.$/),
  one("set priority of task 3 to high", "update_task", { id: 3, priority: "high" }, /high priority/),
  one("tag task 1 with home", "update_task", { id: 1, add_tags: ["home"] }, /#home/),
  // Task 5 never had a due date: the reply says nothing changed (issue 13: honest replies).
  one("remove the due date from task 5", "update_task", { id: 5, due_at: null }, /no due date, so there was nothing to remove/),
  one("change the description of task 2 to include Q4 numbers", "update_task", { id: 2, description: "include Q4 numbers" }),
  one("make task 8 urgent", "update_task", { id: 8, priority: "high" }),
  lookup("reschedule the dentist appointment for tomorrow at 2pm", "dentist appointment", "update_task", { id: 5, due_at: "2026-11-29T14:00:00Z" }),
  one("remove tag errands from task 1", "update_task", { id: 1, remove_tags: ["errands"] }),
  one("postpone task 3 until Tuesday", "update_task", { id: 3, due_at: "2026-12-01T23:59:59Z" }),
  one("change task 6 to low priority", "update_task", { id: 6, priority: "low" }),
  lookup("the rent is due on Dec 3", "rent", "update_task", { id: 4, due_at: "2026-12-03T23:59:59Z" }),
  one("change the title of task 3 to Call mom and dad", "update_task", { id: 3, title: "Call mom and dad" }),
  one("add tag urgent-ish to task 8", "update_task", { id: 8, add_tags: ["urgent-ish"] }),
  ny(one("move task 4 to tomorrow 10am", "update_task", { id: 4, due_at: "2026-11-29T10:00:00-05:00" })),
];

const DELETE: EvalCase[] = [
  one("delete task 3", "delete_task", { id: 3 }, /^Deleted “Call mom” \(task 3\)\.$/),
  lookup("delete the milk task", "milk", "delete_task", { id: 1 }, undefined, /Deleted “Buy milk”/),
  one("remove task 42", "delete_task", { id: 42 }, /not found/),
  one("get rid of #7", "delete_task", { id: 7 }),
];

const TALK: EvalCase[] = [
  talk("help", /add buy milk/),
  talk("what can you do?", /I understand/),
  talk("asdf qwerty", /I understand/),
  talk("thanks!", /welcome/),
  talk("hi", /^Hi/),
  talk("yes", /nothing waiting/),
  one("show task 3 please", "get_task", { id: 3 }, /^Task 3: “Call mom” — pending, due today at 5:00 PM\.$/),
];

const MULTI: EvalCase[] = [
  { name: "add then raise priority", turns: [
    { say: "add buy milk tomorrow 9am", calls: [{ tool: "add_task" }] },
    { say: "actually make it high priority", calls: [{ tool: "update_task", args: { id: 9, priority: "high" } }], reply: /high priority/ },
  ] },
  { name: "reschedule keeps the time of day", turns: [
    { say: "add pick up kids at 3:30pm today", calls: [{ tool: "add_task", args: { due_at: "2026-11-28T15:30:00Z" } }] },
    { say: "move it to tomorrow", calls: [{ tool: "update_task", args: { id: 9, due_at: "2026-11-29T15:30:00Z" } }], reply: /tomorrow at 3:30 PM/ },
    { say: "push it to friday 5pm", calls: [{ tool: "update_task", args: { id: 9, due_at: "2026-12-04T17:00:00Z" } }], reply: /5:00 PM/ },
  ] },
  { name: "overdue then complete both", turns: [
    { say: "what's overdue?", calls: [{ tool: "list_tasks" }] },
    { say: "complete both", calls: [{ tool: "complete_tasks", args: { ids: [6, 1] } }], reply: /Marked 2 tasks as done/ },
  ] },
  { name: "list then first one", turns: [
    { say: "show my tasks", calls: [{ tool: "list_tasks" }] },
    { say: "done with the first one", calls: [{ tool: "complete_task", args: { id: 8 } }], reply: /Plan team offsite/ },
  ] },
  { name: "bulk delete confirmed", turns: [
    { say: "delete everything I finished", calls: [{ tool: "delete_tasks", args: { filter: { status: "completed" } } }], reply: /^Delete these 2 tasks\?[\s\S]*Renew passport/ },
    { say: "yes", calls: [{ tool: "delete_tasks", args: { ids: [5, 7], confirm: true } }], reply: /^Deleted “Book dentist appointment” \(task 5\) and “Renew passport” \(task 7\)\.$/ },
    { say: "show completed tasks", calls: [{ tool: "list_tasks" }], reply: /no completed tasks/ },
  ] },
  { name: "bulk delete declined", turns: [
    { say: "delete everything I finished", calls: [{ tool: "delete_tasks" }] },
    { say: "no", calls: [], reply: /nothing deleted/ },
    { say: "show completed tasks", calls: [{ tool: "list_tasks" }], reply: /Book dentist appointment/ },
  ] },
  { name: "add, tag it, remove it", turns: [
    { say: "add call the plumber", calls: [{ tool: "add_task", args: { title: "Call the plumber" } }] },
    { say: "tag it with home", calls: [{ tool: "update_task", args: { id: 9, add_tags: ["home"] } }] },
    { say: "remove it", calls: [{ tool: "delete_task", args: { id: 9 } }], reply: /Deleted “Call the plumber”/ },
  ] },
  { name: "ambiguous complete, pick second", seed: REPORTS, turns: [
    { say: "complete the report", calls: [{ tool: "list_tasks", args: { query: "report", status: "pending" } }], reply: /Which one/ },
    { say: "the second one", calls: [{ tool: "complete_task", args: { id: 1 } }], reply: /Write weekly report/ },
  ] },
  { name: "ambiguous delete, pick by number", seed: REPORTS, turns: [
    { say: "delete the report", calls: [{ tool: "list_tasks", args: { query: "report" } }], reply: /Which one/ },
    { say: "task 1", calls: [{ tool: "delete_task", args: { id: 1 } }], reply: /Write weekly report/ },
  ] },
  { name: "today then push it", turns: [
    { say: "what's on my list for today?", calls: [{ tool: "list_tasks" }], reply: /Call mom/ },
    { say: "push it to Monday", calls: [{ tool: "update_task", args: { id: 3, due_at: "2026-11-30T17:00:00Z" } }] }, // keeps its 5 pm
  ] },
  { name: "high priority then mark it done", turns: [
    { say: "list high priority tasks", calls: [{ tool: "list_tasks" }] },
    { say: "mark it done", calls: [{ tool: "complete_task", args: { id: 2 } }] },
  ] },
  { name: "not done then rename", turns: [
    { say: "mark task 5 as not done", calls: [{ tool: "complete_task", args: { id: 5, completed: false } }] },
    { say: "rename it to Book dentist for January", calls: [{ tool: "update_task", args: { id: 5, title: "Book dentist for January" } }] },
  ] },
  { name: "delete two by number, confirm", turns: [
    { say: "delete tasks 3 and 4", calls: [{ tool: "delete_tasks", args: { ids: [3, 4] } }], reply: /Delete these 2 tasks/ },
    { say: "yes please", calls: [{ tool: "delete_tasks", args: { ids: [3, 4], confirm: true } }], reply: /Deleted/ },
  ] },
  { name: "tag list then delete all of them", turns: [
    { say: "show tasks tagged errands", calls: [{ tool: "list_tasks", args: { tag: "errands" } }] },
    { say: "delete all of them", calls: [{ tool: "delete_tasks", args: { ids: [6, 1] } }] },
    { say: "yes", calls: [{ tool: "delete_tasks", args: { ids: [1, 6], confirm: true } }], reply: /Deleted “Buy milk” \(task 1\) and “Pick up dry cleaning” \(task 6\)/ },
  ] },
  { name: "overdue bulk delete cancelled", turns: [
    { say: "delete all overdue tasks", calls: [{ tool: "delete_tasks", args: { filter: { overdue: true } } }] },
    { say: "cancel", calls: [], reply: /nothing deleted/ },
  ] },
  { name: "find then reopen it", turns: [
    { say: "find dentist", calls: [{ tool: "list_tasks" }] },
    { say: "reopen it", calls: [{ tool: "complete_task", args: { id: 5, completed: false } }] },
  ] },
  { name: "add, list by tag, complete the last one", turns: [
    { say: "add pay electricity bill friday #bills", calls: [{ tool: "list_lists" }, { tool: "add_task", args: { title: "Pay electricity bill", tags: ["bills"] } }] },
    { say: "what's tagged bills?", calls: [{ tool: "list_tasks", args: { tag: "bills" } }] },
    { say: "complete the last one", calls: [{ tool: "complete_task", args: { id: 4 } }] },
  ] },
  { name: "finish then thanks", turns: [
    { say: "I finished the report", calls: [{ tool: "list_tasks" }, { tool: "complete_task", args: { id: 2 } }] },
    { say: "thanks", calls: [], reply: /welcome/ },
  ] },
  ny({ name: "add then move it (NY)", turns: [
    { say: "add dinner with Sam tomorrow 7pm", calls: [{ tool: "add_task", args: { title: "Dinner with Sam", due_at: "2026-11-29T19:00:00-05:00" } }] },
    { say: "move it to sunday 8pm", calls: [{ tool: "update_task", args: { id: 9, due_at: "2026-11-29T20:00:00-05:00" } }], reply: /tomorrow at 8:00 PM/ },
  ] }),
  { name: "overdue then the second one", turns: [
    { say: "what's overdue", calls: [{ tool: "list_tasks" }] },
    { say: "mark the second one done", calls: [{ tool: "complete_task", args: { id: 1 } }] },
  ] },
  { name: "yes after a plain delete", turns: [
    { say: "delete task 3", calls: [{ tool: "delete_task", args: { id: 3 } }] },
    { say: "yes", calls: [], reply: /nothing waiting/ },
  ] },
  { name: "it after an error-free lookup", turns: [
    { say: "what's due tomorrow?", calls: [{ tool: "list_tasks" }] },
    { say: "add pick up Sam tomorrow at 5pm", calls: [{ tool: "add_task", args: { due_at: "2026-11-29T17:00:00Z" } }] },
    { say: "set its priority to high", calls: [{ tool: "update_task", args: { id: 9, priority: "high" } }] },
  ] },
];

export const CASES: EvalCase[] = [...ADD, ...LISTS, ...LIST, ...COMPLETE, ...UPDATE, ...DELETE, ...TALK, ...MULTI, ...SECOND, ...THIRD];
