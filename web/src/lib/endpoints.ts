/**
 * Every REST call the web app makes, once: method, path (as /api/openapi.json
 * writes it), and the shared contracts of its query, body and answer. `api.ts`
 * sends them; tests/api/openapi.test.ts checks each entry against the server's
 * OpenAPI document (same path, same request and response schemas), so the web
 * cannot drift from the server. Add a call here, then use `api(endpoints.x, …)`.
 */
import type * as z from "zod";
import { PublicConfig } from "#contracts/chatkit.ts";
import {
  ChatRequest,
  Conversation,
  ConversationListQuery,
  ConversationPage,
  ConversationRename,
  ConversationWithMessages,
  MarkUndone,
} from "#contracts/chat.ts";
import { CalendarFeedCreated, CalendarFeedStatus } from "#contracts/calendar-feed.ts";
import { ConnectedAppList } from "#contracts/oauth.ts";
import { UserSettings, UserSettingsPatch } from "#contracts/settings.ts";
import { OccurrencePage } from "#contracts/occurrences.ts";
import {
  PushSubscriptionDelete,
  PushSubscriptionInput,
  Reminder,
  ReminderSettings,
  ReminderSettingsView,
  SnoozeRequest,
} from "#contracts/reminder.ts";
import { ExportQuery, ImportQuery, ImportResult, ImportSummary } from "#contracts/transfer.ts";
import { TRANSCRIBE_MEDIA_TYPES, Transcription } from "#contracts/transcription.ts";
import {
  List,
  ListCreate,
  ListDeleteQuery,
  ListPatch,
  ListQuery,
  Section,
  SectionCreate,
  SectionPatch,
  TaskBulk,
  TaskMove,
} from "#contracts/list.ts";
import {
  AccountExport,
  BulkResult,
  ListList,
  OccurrencesQuery,
  SectionList,
  TaskCountsQuery,
  TaskList,
  TaskWithCompletedSubtasks,
  UndoneResult,
} from "#contracts/rest.ts";
import { Task, TaskComplete, TaskCounts, TaskCreate, TaskListQuery, TaskPage, TaskPatch } from "#contracts/task.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Endpoint<
  P extends string = string,
  R extends z.ZodType | null = z.ZodType | null,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: Method;
  path: P;
  /** The success answer's contract; `null`: no body (204) or a stream read by the caller. */
  response: R;
  /** The success status the document lists for it. */
  status: number;
  body: B;
  query: Q;
  /** The body is a file (`raw`), not JSON: the media types it may be sent as. */
  raw?: readonly string[];
  /** Callable without a token (sent without Authorization). */
  public?: boolean;
}

function endpoint<
  P extends string,
  R extends z.ZodType | null,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(
  method: Method,
  path: P,
  response: R,
  extra: { body?: B; query?: Q; status?: number; public?: boolean; raw?: readonly string[] } = {},
): Endpoint<P, R, B, Q> {
  return {
    method,
    path,
    response,
    status: extra.status ?? (response === null && method !== "GET" && method !== "POST" ? 204 : 200),
    body: extra.body as B,
    query: extra.query as Q,
    public: extra.public,
    raw: extra.raw,
  };
}

const TASKS = "/api/{user_id}/tasks";
const IMPORT_FILE = ["text/csv", "application/json"] as const;
const CONVERSATIONS = "/api/{user_id}/conversations";

export const endpoints = {
  config: endpoint("GET", "/api/config", PublicConfig, { public: true }),
  listTasks: endpoint("GET", TASKS, TaskPage, { query: TaskListQuery }),
  taskCounts: endpoint("GET", `${TASKS}/counts`, TaskCounts, { query: TaskCountsQuery }),
  createTask: endpoint("POST", TASKS, Task, { body: TaskCreate, status: 201 }),
  patchTask: endpoint("PATCH", `${TASKS}/{id}`, TaskWithCompletedSubtasks, { body: TaskPatch }),
  completeTask: endpoint("PATCH", `${TASKS}/{id}/complete`, TaskWithCompletedSubtasks, { body: TaskComplete }),
  deleteTask: endpoint("DELETE", `${TASKS}/{id}`, null),
  moveTasks: endpoint("POST", `${TASKS}/move`, TaskList, { body: TaskMove }),
  bulkTasks: endpoint("POST", `${TASKS}/bulk`, BulkResult, { body: TaskBulk }),
  listLists: endpoint("GET", "/api/{user_id}/lists", ListList, { query: ListQuery }),
  createList: endpoint("POST", "/api/{user_id}/lists", List, { body: ListCreate, status: 201 }),
  patchList: endpoint("PATCH", "/api/{user_id}/lists/{id}", List, { body: ListPatch }),
  deleteList: endpoint("DELETE", "/api/{user_id}/lists/{id}", null, { query: ListDeleteQuery }),
  listSections: endpoint("GET", "/api/{user_id}/lists/{id}/sections", SectionList),
  createSection: endpoint("POST", "/api/{user_id}/lists/{id}/sections", Section, { body: SectionCreate, status: 201 }),
  renameSection: endpoint("PATCH", "/api/{user_id}/sections/{id}", Section, { body: SectionPatch }),
  deleteSection: endpoint("DELETE", "/api/{user_id}/sections/{id}", null),
  /** SSE; the caller reads the stream (`ChatEvent`s). */
  chat: endpoint("POST", "/api/{user_id}/chat", null, { body: ChatRequest }),
  /** Voice input: the recording is the body. */
  transcribe: endpoint("POST", "/api/{user_id}/chat/transcribe", Transcription, { raw: TRANSCRIBE_MEDIA_TYPES }),
  listConversations: endpoint("GET", CONVERSATIONS, ConversationPage, { query: ConversationListQuery }),
  getConversation: endpoint("GET", `${CONVERSATIONS}/{id}`, ConversationWithMessages),
  renameConversation: endpoint("PATCH", `${CONVERSATIONS}/{id}`, Conversation, { body: ConversationRename }),
  markToolCallUndone: endpoint("POST", `${CONVERSATIONS}/{id}/tool-calls/{call_id}/undone`, UndoneResult, {
    body: MarkUndone,
  }),
  deleteConversation: endpoint("DELETE", `${CONVERSATIONS}/{id}`, null),
  /** SSE; the caller reads the stream. */
  events: endpoint("GET", "/api/{user_id}/events", null),
  /** Read as a file (Blob), checked by its contract in the API test. */
  exportAccount: endpoint("GET", "/api/{user_id}/export", AccountExport, { query: ExportQuery }),
  importPreview: endpoint("POST", "/api/{user_id}/import/preview", ImportSummary, {
    query: ImportQuery,
    raw: IMPORT_FILE,
  }),
  importFile: endpoint("POST", "/api/{user_id}/import", ImportResult, {
    query: ImportQuery,
    raw: IMPORT_FILE,
    status: 201,
  }),
  connectedApps: endpoint("GET", "/api/{user_id}/connected-apps", ConnectedAppList),
  occurrences: endpoint("GET", `${TASKS}/occurrences`, OccurrencePage, { query: OccurrencesQuery }),
  settings: endpoint("GET", "/api/{user_id}/settings", UserSettings),
  patchSettings: endpoint("PATCH", "/api/{user_id}/settings", UserSettings, { body: UserSettingsPatch }),
  calendarFeedStatus: endpoint("GET", "/api/{user_id}/calendar-feed", CalendarFeedStatus),
  createCalendarFeed: endpoint("POST", "/api/{user_id}/calendar-feed", CalendarFeedCreated, { status: 201 }),
  revokeCalendarFeed: endpoint("DELETE", "/api/{user_id}/calendar-feed", null),
  snoozeReminder: endpoint("POST", "/api/{user_id}/reminders/{id}/snooze", Reminder, { body: SnoozeRequest }),
  reminderSettings: endpoint("GET", "/api/{user_id}/reminder-settings", ReminderSettingsView),
  setReminderSettings: endpoint("PUT", "/api/{user_id}/reminder-settings", ReminderSettingsView, {
    body: ReminderSettings,
  }),
  savePushSubscription: endpoint("POST", "/api/{user_id}/push-subscriptions", null, {
    body: PushSubscriptionInput,
    status: 204,
  }),
  deletePushSubscription: endpoint("DELETE", "/api/{user_id}/push-subscriptions", null, {
    body: PushSubscriptionDelete,
  }),
  revokeConnectedApp: endpoint("DELETE", "/api/{user_id}/connected-apps/{client_id}", null),
} as const;
