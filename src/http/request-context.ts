/**
 * The current request's id, carried through async calls (AsyncLocalStorage) so
 * every log line written while serving a request — ours, Better Auth's, the
 * mailer's — names it without passing it around.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestContext {
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;
