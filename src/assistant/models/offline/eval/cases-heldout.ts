/**
 * Held-out batches: phrasings written after the rules were tuned on the first
 * batch, to see how the interpreter does on wording it was not built around.
 */
import { lookup, one, viaLists, REPORTS, talk, type EvalCase } from "./case-helpers.ts";

/** Second batch, written after the first passed and run before any tuning for it: 43/50 at first run. */
export const SECOND: EvalCase[] = [
  one("Add: book a table for Friday 7:30pm", "add_task", { title: "Book a table", due_at: "2026-12-04T19:30:00Z" }),
  one("can you add pick up the kids at 3pm tomorrow", "add_task", { title: "Pick up the kids", due_at: "2026-11-29T15:00:00Z" }),
  one("put 'renew gym membership' on my list for next Friday", "add_task", { title: "Renew gym membership", due_at: "2026-12-04T23:59:59Z" }),
  one("remind me about the vet appointment on Dec 12 at 11am", "add_task", { title: "The vet appointment", due_at: "2026-12-12T11:00:00Z" }),
  one("add task fix bike, low priority, tag: weekend", "add_task", { title: "Fix bike", priority: "low", tags: ["weekend"] }),
  one("add 'email Bob' due in 3 days", "add_task", { title: "Email Bob", due_at: "2026-12-01T23:59:59Z" }),
  one("create a high priority task to finish the slides by Monday", "add_task", { title: "Finish the slides", priority: "high", due_at: "2026-11-30T23:59:59Z" }),
  one("I have to send the contract tomorrow morning", "add_task", { title: "Send the contract" }),
  viaLists("new reminder: water plants on Wednesday #home", { title: "Water plants", due_at: "2026-12-02T23:59:59Z", tags: ["home"] }),
  one("add milk", "add_task", { title: "Milk" }),
  one("what's due this week", "list_tasks", { due_after: "2026-11-28T00:00:00Z", due_before: "2026-11-30T00:00:00Z" }),
  one("show overdue tasks", "list_tasks", { overdue: true }),
  one("list everything", "list_tasks", { status: "all" }),
  one("what's on my plate?", "list_tasks", { status: "pending" }),
  one("show me my work tasks", "list_tasks", { tag: "work" }),
  one("which tasks are high priority", "list_tasks", { priority: "high" }),
  one("do I have any tasks about rent?", "list_tasks", { query: "rent" }),
  one("what did I complete?", "list_tasks", { status: "completed" }),
  one("list my todos", "list_tasks", { status: "pending" }),
  one("show open tasks tagged errands", "list_tasks", { status: "pending", tag: "errands" }),
  one("done: task 2", "complete_task", { id: 2 }),
  one("task 4 done", "complete_task", { id: 4 }),
  lookup("mark the rent as paid", "rent", "complete_task", { id: 4 }),
  lookup("i called mom", "mom", "complete_task", { id: 3 }),
  one("mark #3 as complete", "complete_task", { id: 3 }),
  one("undo task 7", "complete_task", { id: 7, completed: false }),
  one("set task 2 as incomplete", "complete_task", { id: 2, completed: false }),
  one("mark everything overdue as done", "complete_tasks", { filter: { overdue: true } }),
  one("complete all tasks tagged work", "complete_tasks", { filter: { tag: "work" } }),
  one("change the due date of task 3 to Dec 5", "update_task", { id: 3, due_at: "2026-12-05T23:59:59Z" }),
  one("task 6 is due monday", "update_task", { id: 6, due_at: "2026-11-30T23:59:59Z" }),
  lookup("move the offsite to next friday", "offsite", "update_task", { id: 8, due_at: "2026-12-04T23:59:59Z" }),
  one("rename #1 as Buy oat milk", "update_task", { id: 1, title: "Buy oat milk" }),
  one("change task 4's title to Pay December rent", "update_task", { id: 4, title: "Pay December rent" }),
  one("make task 1 low priority", "update_task", { id: 1, priority: "low" }),
  one("add the tag family to task 3", "update_task", { id: 3, add_tags: ["family"] }),
  one("clear the due date on task 2", "update_task", { id: 2, due_at: null }),
  one("set the description of task 3 to ask about the holidays", "update_task", { id: 3, description: "ask about the holidays" }),
  one("delete #6", "delete_task", { id: 6 }),
  lookup("remove the passport task", "passport", "delete_task", { id: 7 }),
  one("delete all completed tasks", "delete_tasks", { filter: { status: "completed" } }),
  one("clear completed", "delete_tasks", { filter: { status: "completed" } }),
  talk("hello there", /Hi/),
  talk("thank you so much", /welcome/),
  talk("what's the weather like?", /I understand/),
  talk("how do I use this", /I understand/),
  { name: "list then delete the second", turns: [
    { say: "show completed tasks", calls: [{ tool: "list_tasks" }] },
    { say: "delete the second one", calls: [{ tool: "delete_task", args: { id: 5 } }] },
  ] },
  { name: "list then reopen the first", turns: [
    { say: "what have I finished?", calls: [{ tool: "list_tasks", args: { status: "completed" } }] },
    { say: "reopen the first one", calls: [{ tool: "complete_task", args: { id: 7, completed: false } }] },
  ] },
  { name: "add then reschedule that", turns: [
    { say: "remind me to call the dentist", calls: [{ tool: "add_task", args: { title: "Call the dentist" } }] },
    { say: "move that to Monday at 9am", calls: [{ tool: "update_task", args: { id: 9, due_at: "2026-11-30T09:00:00Z" } }] },
  ] },
  { name: "complete all of them after tag list", turns: [
    { say: "what's tagged work?", calls: [{ tool: "list_tasks" }] },
    { say: "mark all of them as done", calls: [{ tool: "complete_tasks", args: { ids: [8, 2] } }] },
  ] },
];

/**
 * Third batch, written as a held-out check after tuning on the first two:
 * 26/30 at first run ("is there anything about…", "the 10th", "bump … to high
 * priority", "call task 3 …" were then added). Fresh phrasings land around
 * 85–90% at first sight; the gate below guards against regressions.
 */
export const THIRD: EvalCase[] = [
  viaLists("add grocery run saturday 4pm #errands high priority", { title: "Grocery run", priority: "high", tags: ["errands"], due_at: "2026-11-28T16:00:00Z" }),
  one("remind me to pay the phone bill before Dec 10", "add_task", { title: "Pay the phone bill", due_at: "2026-12-10T23:59:59Z" }),
  one("add “Call Alex about the lease” tomorrow", "add_task", { title: "Call Alex about the lease", due_at: "2026-11-29T23:59:59Z" }),
  one("new todo - update resume", "add_task", { title: "Update resume" }),
  one("add a reminder to stretch at noon", "add_task", { title: "Stretch", due_at: "2026-11-28T12:00:00Z" }),
  one("create a task called Quarterly taxes due January 15", "add_task", { title: "Quarterly taxes", due_at: "2027-01-15T23:59:59Z" }),
  one("what's overdue and tagged errands", "list_tasks", { overdue: true, tag: "errands" }),
  one("show tasks due before Dec 3", "list_tasks", { due_before: "2026-12-03T23:59:59Z" }),
  one("list completed work tasks", "list_tasks", { status: "completed", tag: "work" }),
  one("what's urgent?", "list_tasks", { priority: "high" }),
  one("is there anything about the dentist?", "list_tasks", { query: "dentist" }),
  one("look up passport", "list_tasks", { query: "passport" }),
  one("please mark task 1 and task 6 as done", "complete_tasks", { ids: [1, 6] }),
  one("set task 8 to done", "complete_task", { id: 8 }),
  lookup("tick off the offsite", "offsite", "complete_task", { id: 8 }, "pending"),
  one("mark all high priority tasks done", "complete_tasks", { filter: { priority: "high", status: "pending" } }),
  one("reschedule task 2 to the 10th", "update_task", { id: 2, due_at: "2026-12-10T23:59:59Z" }),
  one("move the due date of task 1 to tomorrow 5pm", "update_task", { id: 1, due_at: "2026-11-29T17:00:00Z" }),
  lookup("bump the rent to high priority", "rent", "update_task", { id: 4, priority: "high" }),
  one("untag task 6", "update_task", { id: 6, tags: null }),
  one("remove the priority from task 2", "update_task", { id: 2, priority: null }),
  one("call task 3 Call mom back", "update_task", { id: 3, title: "Call mom back" }),
  one("trash task 4", "delete_task", { id: 4 }),
  one("delete all tasks tagged errands", "delete_tasks", { filter: { tag: "errands" } }),
  talk("good morning!", /Hi/),
  talk("ok cool", /./),
  { name: "finished list, delete them all, confirm", turns: [
    { say: "show me finished tasks", calls: [{ tool: "list_tasks", args: { status: "completed" } }] },
    { say: "delete them all", calls: [{ tool: "delete_tasks", args: { ids: [7, 5] } }] },
    { say: "yes, delete them", calls: [{ tool: "delete_tasks", args: { ids: [5, 7], confirm: true } }], reply: /Deleted/ },
  ] },
  { name: "ambiguous rename, pick first", seed: REPORTS, turns: [
    { say: "rename the report to Weekly status", calls: [{ tool: "list_tasks", args: { query: "report" } }], reply: /Which one/ },
    { say: "the first", calls: [{ tool: "update_task", args: { id: 2, title: "Weekly status" } }] },
  ] },
  { name: "it without context", seed: [], turns: [{ say: "delete it", calls: [], reply: /Which task/ }] },
  { name: "ordinal past the end", turns: [
    { say: "what's overdue", calls: [{ tool: "list_tasks" }] },
    { say: "complete the third one", calls: [], reply: /only had 2 tasks/ },
  ] },
];
