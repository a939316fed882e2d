// Domain errors carry a code; the HTTP layer maps codes to statuses in one table.
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "SUBMITTED_IS_FINAL"
  | "BAD_REQUEST"
  | "INVALID_INPUT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  // Adjudication: annotators' values differ and the reviewer must choose; spans are still undecided.
  | "ATTRIBUTES_DIFFER"
  | "ADJUDICATION_INCOMPLETE";

export const httpStatusOf: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** An analyst tried to move their own submitted assignment back: only a reviewer may reopen it. */
  SUBMITTED_IS_FINAL: 409,
  BAD_REQUEST: 400,
  INVALID_INPUT: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  ATTRIBUTES_DIFFER: 409,
  ADJUDICATION_INCOMPLETE: 409,
};

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
