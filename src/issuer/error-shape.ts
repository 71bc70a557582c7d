/**
 * Better Auth answers errors as `{ code, message }`, which its client reads. We
 * keep that and add Tickler's `error` object beside it, so every error of the
 * server has the one documented shape, `/api/auth` included.
 */
import type { Context } from "hono";

export async function withErrorShape(c: Context, res: Response): Promise<Response> {
  const requestId = c.get("requestId" as never) as string | undefined;
  if (res.status < 400 || !res.headers.get("content-type")?.includes("application/json")) {
    // Better Auth builds its own Response; give it the request id like every other answer.
    if (requestId) {
      try {
        res.headers.set("x-request-id", requestId);
      } catch {
        // immutable headers (a proxied fetch response): leave them
      }
    }
    return res;
  }
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // not JSON after all: wrap the bare status below
  }
  if (!("error" in body) || typeof body.error !== "object") {
    const code = typeof body.code === "string" && body.code ? body.code.toLowerCase() : res.status === 404 ? "not_found" : "auth_error";
    const message = typeof body.message === "string" && body.message ? body.message : res.statusText || "the request was refused";
    body = { ...body, error: { code, message, ...(requestId ? { request_id: requestId } : {}) } };
  }
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  if (requestId) headers.set("x-request-id", requestId);
  return new Response(JSON.stringify(body), { status: res.status, headers });
}
