/**
 * Domain errors are data: a kind (which the HTTP layer maps to a status once),
 * a stable code and a message safe to show. Domain code never sees HTTP.
 */
export type DomainErrorKind = "invalid" | "not_found" | "forbidden" | "conflict" | "limited" | "unavailable";

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError("not_found", "not_found", `${what} not found`);

export const accountDeleted = () => new DomainError("forbidden", "account_deleted", "this account has been deleted");

export const invalid = (code: string, message: string, details?: unknown) => new DomainError("invalid", code, message, details);

export const conflict = (code: string, message: string) => new DomainError("conflict", code, message);
