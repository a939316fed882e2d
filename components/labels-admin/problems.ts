import { ApiError, fieldErrorsOf } from "@/lib/client/api";

/** A refusal in words: the server's sentence, then each field's reasons. */
export function problemOf(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const fields = fieldErrorsOf(error);
  const form = (error.details as { formErrors?: string[] } | null)?.formErrors ?? [];
  return [error.message, ...form, ...fields].join(" — ");
}
