/**
 * Creates users and tasks over HTTP through a browser context's request client,
 * so the context ends up signed in (cookies are shared with its pages).
 */
import type { BrowserContext } from "playwright-core";
import { mailboxFor } from "../../support/mailbox.ts";

export interface SeedTask {
  title: string;
  description?: string;
  priority?: "none" | "low" | "medium" | "high";
  tags?: string[];
  due_at?: string;
  completed?: boolean;
}

let counter = 0;
export function uniqueEmail(prefix: string): string {
  return `${prefix}.${process.pid}.${Date.now().toString(36)}.${counter++}@example.com`;
}

/** Signs up, then opens the emailed verification link in the context, which signs it in (decision 021). */
export async function signUpInContext(context: BrowserContext, baseURL: string, user: { name: string; email: string; password: string }): Promise<void> {
  const res = await context.request.post(`${baseURL}/api/auth/sign-up/email`, { data: user, headers: { Origin: baseURL } });
  if (!res.ok()) throw new Error(`sign-up failed: ${res.status()} ${await res.text()}`);
  if (((await res.json()) as { token: string | null }).token) return; // EMAIL_VERIFICATION=off: signed in already
  const link = await mailboxFor(baseURL).linkFor(user.email);
  const verified = await context.request.get(link, { maxRedirects: 0 });
  if (verified.status() !== 302) throw new Error(`verification failed: ${verified.status()} ${await verified.text()}`);
}

export async function tokenInContext(context: BrowserContext, baseURL: string): Promise<string> {
  const res = await context.request.get(`${baseURL}/api/auth/token`, { headers: { Origin: baseURL } });
  if (!res.ok()) throw new Error(`token failed: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** POSTs tasks with a few requests in flight at a time; returns how long it took. */
export async function seedTasks(context: BrowserContext, baseURL: string, token: string, tasks: SeedTask[], concurrency = 8): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      const res = await context.request.post(`${baseURL}/api/me/tasks`, {
        data: task,
        headers: { Authorization: `Bearer ${token}` },
      });
      if (res.status() !== 201) throw new Error(`seed failed: ${res.status()} ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - started;
}

/** `n` varied tasks: priorities, tags, due dates in the past and future, some completed. */
export function sampleTasks(n: number, now = Date.now()): SeedTask[] {
  const priorities = ["none", "low", "medium", "high"] as const;
  const tags = ["work", "home", "errands", "health", "reading"];
  return Array.from({ length: n }, (_, i) => ({
    title: `Task ${String(i + 1).padStart(4, "0")} ${["plan", "review", "call", "buy", "write"][i % 5]} something`,
    description: i % 3 === 0 ? `Details for task ${i + 1}` : undefined,
    priority: priorities[i % 4],
    tags: i % 2 === 0 ? [tags[i % 5]!] : [],
    due_at: i % 4 === 0 ? new Date(now + (i - n / 2) * 3_600_000).toISOString() : undefined,
    completed: i % 7 === 0,
  }));
}
