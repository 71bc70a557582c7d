/**
 * The resource server's row of the error table: the issuer's key set cannot be
 * fetched, so no token can be verified — 503 with a retry hint, not 401 (the
 * token may be fine). Handed to `createErrorHandler` by the app's composition.
 */
import type { ErrorRenderer } from "../http/errors.ts";
import { errorJson } from "../http/errors.ts";
import type { Logger } from "../http/logger.ts";
import { JwksUnavailableError } from "./jwks-cache.ts";

export function renderJwksUnavailable(logger: Logger): ErrorRenderer {
  return (err, c) => {
    if (!(err instanceof JwksUnavailableError)) return undefined;
    logger.warn("jwks unavailable", { request_id: c.get("requestId" as never), error: err.message });
    return errorJson(c, 503, "auth_unavailable", "the token issuer cannot be reached; try again shortly", undefined, {
      "retry-after": "5",
    });
  };
}
