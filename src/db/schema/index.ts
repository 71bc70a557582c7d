export * from "./auth.ts";
export * from "./tasks.ts";
export * from "./conversations.ts";
export * from "./rate-limits.ts";
export * from "./idempotency.ts";
export * from "./lists.ts";
