/**
 * Decides the next step of a turn: tool calls or the final text. Stateless: it
 * re-derives the intent from the latest user message and looks at the tool
 * steps already taken in this turn, so each step of the AI SDK loop is one call.
 */
import type { TaskSummary } from "../../../contracts/tool-results.ts";
import type { Clock } from "./clock.ts";
import type { Filter, Intent, TargetedIntent } from "./intent.ts";
import { parseIntent } from "./parse-intent.ts";
import { planCompound } from "./plan-compound.ts";
import type { Conversation, ToolStep } from "./prompt.ts";
import { bestMatch, resolveTarget, type Ref } from "./references.ts";
import { andList, askWhich, closestActions, errorReply, HELP, named, notUnderstood, resultReply } from "./reply.ts";
import { addDays, toZonedIso, wallAt, wallToInstant, type Wall } from "../../../domain/time.ts";
import type { Duration } from "../../../grammar/index.ts";

export interface PlannedCall {
  toolName: string;
  input: Record<string, unknown>;
}
/** `suggestions`: requests the user may send next with one tap (the web's chips). */
export type Plan = { kind: "calls"; calls: PlannedCall[] } | { kind: "text"; text: string; suggestions?: string[] };

const text = (t: string): Plan => ({ kind: "text", text: t });
const call = (toolName: string, input: Record<string, unknown>): Plan => ({ kind: "calls", calls: [{ toolName, input }] });
const compact = <T extends object>(o: T): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const errorOf = (step: ToolStep | undefined) => (step?.output as { error?: unknown } | undefined)?.error;

/** A bulk delete previewed in the previous turn, waiting for "yes". */
function pendingDelete(conv: Conversation): Record<string, unknown> | null {
  const last = conv.lastTurn.at(-1);
  const o = last?.output as { preview?: boolean; would_delete?: Ref[] } | undefined;
  if (last?.toolName === "delete_tasks" && o?.preview && o.would_delete?.length) {
    // Delete exactly what the user saw, not whatever the filter matches by the time they say yes.
    return { ids: o.would_delete.map((r) => r.id), confirm: true };
  }
  // History replayed as text only: our preview lists "(task N)" lines after "Delete these".
  if (!conv.lastTurn.length && /^Delete (?:these \d+ tasks|this task)\?/.test(conv.lastAssistantText ?? "")) {
    const ids = [...(conv.lastAssistantText ?? "").matchAll(/\(task (\d+)\)/g)].map((m) => Number(m[1]));
    if (ids.length) return { ids, confirm: true };
  }
  return null;
}

/** The change update_tasks previewed in the previous turn, waiting for "yes": the same change, to the tasks the user saw. */
function pendingUpdate(conv: Conversation): Record<string, unknown> | null {
  const last = conv.lastTurn.at(-1);
  const o = last?.output as { preview?: boolean; would_update?: Ref[] } | undefined;
  if (last?.toolName !== "update_tasks" || !o?.preview || !o.would_update?.length) return null;
  const { filter: _filter, ids: _ids, confirm: _confirm, ...change } = last.input;
  return { ids: o.would_update.map((r) => r.id), ...change, confirm: true };
}

/**
 * "Push the dentist (Tue 3 pm) to Friday" means Friday at 3 pm: a new date said
 * without a time keeps the task's time of day when we know it.
 */
function rescheduled(due: string, ref: Ref, clock: Clock): string {
  if (!ref.due_at) return due;
  const old = wallAt(new Date(ref.due_at), clock.timeZone);
  if (old.hour === 23 && old.minute === 59) return due; // it had no time either
  const day = wallAt(new Date(due), clock.timeZone);
  return toZonedIso(wallToInstant({ ...day, hour: old.hour, minute: old.minute, second: 0 }, clock.timeZone), clock.timeZone);
}

/** A due date moved by a duration in the user's zone: a day later keeps the time of day across DST. */
function shifted(due: string, d: Duration, clock: Clock): string {
  const at = new Date(due);
  if (d.unit === "minute" || d.unit === "hour") return toZonedIso(new Date(at.getTime() + d.amount * (d.unit === "hour" ? 3_600_000 : 60_000)), clock.timeZone);
  const w = wallAt(at, clock.timeZone);
  const moved =
    d.unit === "day" || d.unit === "week" ? addDays(w, d.amount * (d.unit === "week" ? 7 : 1))
    : addMonths(w, d.amount * (d.unit === "year" ? 12 : 1));
  return toZonedIso(wallToInstant(moved, clock.timeZone), clock.timeZone);
}

/** Months later, the day clamped to the month's length (Jan 31 + 1 month = Feb 28). */
function addMonths(w: Wall, months: number): Wall {
  const first = new Date(Date.UTC(w.year, w.month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { ...w, year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: Math.min(w.day, last) };
}

function act(intent: TargetedIntent, refs: Ref[], clock: Clock): Plan {
  const ids = refs.map((r) => r.id);
  const first = ids[0]!;
  switch (intent.kind) {
    case "show":
      return { kind: "calls", calls: ids.map((id) => ({ toolName: "get_task", input: { id } })) };
    case "complete": {
      const completed = intent.completed ? {} : { completed: false };
      return ids.length === 1 ? call("complete_task", { id: first, ...completed }) : call("complete_tasks", { ids, ...completed });
    }
    case "update": {
      const { keep_time, shift, ...changes } = intent.changes;
      if (shift) {
        const undated = refs.filter((r) => !r.due_at);
        if (undated.length) return text(`${andList(undated.map(named))} ${undated.length === 1 ? "has" : "have"} no due date to move; tell me a date instead.`);
      }
      return {
        kind: "calls",
        calls: refs.map((ref) => {
          const due =
            shift && ref.due_at ? { due_at: shifted(ref.due_at, shift, clock) }
            : keep_time && changes.due_at ? { due_at: rescheduled(changes.due_at, ref, clock) }
            : {};
          return { toolName: "update_task", input: compact({ id: ref.id, ...changes, ...due }) };
        }),
      };
    }
    case "delete":
      return ids.length === 1 ? call("delete_task", { id: first }) : call("delete_tasks", { ids });
    case "move":
      return call("move_tasks", { ids, list: intent.list });
  }
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Adding: a `#name` or "to groceries" is a list only if the user has one by that
 * name, so the plan looks at the lists first. Otherwise `#name` stays a tag (what
 * it meant before lists) and "to groceries" stays part of the title; no list is
 * ever created without being asked for.
 */
function planAdd(intent: Extract<Intent, { kind: "add" }>, conv: Conversation, clock: Clock): Plan {
  const done = conv.turn.at(-1);
  if (done && done.toolName !== "list_lists") return text(resultReply(done, clock));
  const wanted = intent.task.list ?? intent.guess?.list;
  if (!wanted) return call("add_task", compact(intent.task));
  if (!done) return call("list_lists", {});
  const lists = (done.output as { lists?: { name: string }[] }).lists ?? [];
  const found = lists.find((l) => sameName(l.name, wanted));
  const { list: _list, section, ...task } = intent.task;
  if (intent.task.list) {
    if (found) return call("add_task", compact({ ...task, section, list: found.name }));
    const tag = wanted.toLowerCase();
    return call("add_task", compact({ ...task, tags: [...new Set([...(/^[\p{L}\p{N}_-]+$/u.test(tag) ? [tag] : []), ...(task.tags ?? [])])] }));
  }
  return found ? call("add_task", compact({ ...task, title: intent.guess!.title, list: found.name })) : call("add_task", compact(intent.task));
}

function lookupStatus(intent: TargetedIntent): Filter["status"] {
  if (intent.kind === "complete") return intent.completed ? "pending" : "completed";
  return undefined;
}

function planTargeted(intent: TargetedIntent, conv: Conversation, clock: Clock): Plan {
  // A shift by a duration reads the task first when its due date is not known yet.
  const shifting = intent.kind === "update" && intent.changes.shift !== undefined;
  const actions = conv.turn.filter((s) => s.toolName !== "list_tasks" && !(shifting && s.toolName === "get_task"));
  if (actions.length) return text(actions.map((s) => resultReply(s, clock)).join("\n"));

  const lookup = conv.turn.find((s) => s.toolName === "list_tasks");
  if (lookup) {
    if (errorOf(lookup)) return text(errorReply(errorOf(lookup)));
    const query = typeof lookup.input.query === "string" ? lookup.input.query : "";
    const tasks = (lookup.output as { tasks?: TaskSummary[] }).tasks ?? [];
    if (!tasks.length) {
      const status = lookup.input.status === "pending" ? "open " : lookup.input.status === "completed" ? "completed " : "";
      return text(`I couldn't find any ${status}task matching \u201c${query}\u201d.`);
    }
    const match = bestMatch(query, tasks);
    return match ? act(intent, [match], clock) : text(askWhich(query, tasks, clock));
  }

  const resolved = resolveTarget(intent.target, conv);
  if (resolved.kind === "unknown") return text(resolved.reason);
  if (resolved.kind === "lookup") return call("list_tasks", compact({ query: resolved.query, status: lookupStatus(intent), limit: 10 }));
  if (shifting) {
    const read = new Map(conv.turn.filter((s) => s.toolName === "get_task").map((s) => [s.input.id, s.output as { task?: TaskSummary; error?: unknown }]));
    const failed = [...read.values()].find((o) => o.error);
    if (failed) return text(errorReply(failed.error, { id: [...read.entries()].find(([, o]) => o === failed)?.[0] }));
    const refs = resolved.refs.map((r) => (r.due_at === undefined && read.get(r.id)?.task ? { ...r, title: read.get(r.id)!.task!.title, due_at: read.get(r.id)!.task!.due_at } : r));
    const unknown = refs.filter((r) => r.due_at === undefined);
    if (unknown.length) return { kind: "calls", calls: unknown.map((r) => ({ toolName: "get_task", input: { id: r.id } })) };
    return act(intent, refs, clock);
  }
  return act(intent, resolved.refs, clock);
}

/**
 * The same change to every task a filter matches: update_tasks previews them (one
 * read), the user says yes, and the confirmed call is one all-or-nothing write.
 */
function planBulkUpdate(intent: Extract<Intent, { kind: "bulk-update" }>, conv: Conversation, clock: Clock): Plan {
  const done = conv.turn.at(-1);
  if (done) return text(resultReply(done, clock, intent.label));
  const { keep_time, shift, title, description, tags, ...changes } = intent.changes;
  if (shift) return text(`I can move your ${intent.label} to a date, not by a duration; tell me the new date.`);
  if (title !== undefined || description !== undefined || tags !== undefined) return text(`I can only reschedule, reprioritise, move or tag several tasks at once.`);
  if (changes.priority === null) changes.priority = "none";
  return call("update_tasks", compact({ filter: compact(intent.filter), ...changes, keep_time: keep_time ? true : undefined }));
}

export function plan(conv: Conversation, clock: Clock): Plan {
  return planIntent(parseIntent(conv.userText, clock), conv, clock);
}

function planIntent(intent: Intent, conv: Conversation, clock: Clock): Plan {
  const done = conv.turn.at(-1);
  switch (intent.kind) {
    case "help":
      return text(HELP);
    case "unknown":
      return { kind: "text", text: notUnderstood(intent.text), suggestions: closestActions(intent.text) };
    case "chat":
      return text(intent.reply);
    case "confirm": {
      if (done) return text(resultReply(done, clock));
      const update = pendingUpdate(conv);
      if (update) return intent.yes ? call("update_tasks", update) : text("OK, nothing changed.");
      const pending = pendingDelete(conv);
      if (!intent.yes) return text(pending ? "OK, nothing deleted." : "OK.");
      return pending ? call("delete_tasks", pending) : text("There's nothing waiting for a yes right now. What would you like to do?");
    }
    case "add":
      return planAdd(intent, conv, clock);
    case "lists":
      return done ? text(resultReply(done, clock)) : call("list_lists", {});
    case "create-list":
      return done ? text(resultReply(done, clock)) : call("create_list", { name: intent.name });
    case "list":
      return done ? text(resultReply(done, clock, intent.label)) : call("list_tasks", compact({ ...intent.filter, sort: intent.sort }));
    case "bulk-complete":
      return done
        ? text(resultReply(done, clock, intent.label))
        : call("complete_tasks", { filter: compact(intent.filter), ...(intent.completed ? {} : { completed: false }) });
    case "bulk-update":
      return planBulkUpdate(intent, conv, clock);
    case "bulk-delete":
      return done ? text(resultReply(done, clock, intent.label)) : call("delete_tasks", { filter: compact(intent.filter) });
    case "compound":
      return planCompound(intent.parts, conv, clock, planIntent);
    case "pick": {
      // "the second one" after "which one do you mean?": finish the earlier request.
      const earlier = conv.previousUserText ? parseIntent(conv.previousUserText, clock) : null;
      const base: TargetedIntent =
        earlier && "target" in earlier && earlier.kind !== "pick" ? { ...earlier, target: intent.target } : { kind: "show", target: intent.target };
      return planTargeted(base, conv, clock);
    }
    default:
      return planTargeted(intent, conv, clock);
  }
}
