import type { z } from "zod";
import { ErrorBody } from "../schemas/responses/errors";

// The one way the browser calls Slant's JSON API. It sends JSON (or a form, for
// uploads), checks the answer against its contract (lib/schemas/responses) and
// turns every refusal into an ApiError carrying the server's sentence, its
// machine-readable code and its details, so that a screen can say exactly what
// went wrong and react to the code, not to the wording.

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    /** The HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    /** The server's machine-readable code (lib/errors.ts), e.g. SUBMITTED_IS_FINAL; null when it sent none. */
    readonly code: string | null,
    readonly details: unknown,
  ) {
    super(message);
  }
}

export const NO_CONNECTION = "No connection to the server";

/** What a failed call says to the person: the server's message (an ApiError's), else the error's own. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
/** The code of an answer that does not match its contract (a client older or newer than the server). */
export const BAD_RESPONSE = "BAD_RESPONSE";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type ApiOptions<S extends z.ZodType | undefined> = {
  /** A JSON value, or a FormData sent as multipart (the browser sets its content type). */
  body?: unknown;
  /** The answer's contract; without one the answer is not read (e.g. 204, or a write whose answer the screen ignores). */
  schema?: S;
  signal?: AbortSignal;
  cache?: RequestCache;
};

/** The contract's output, or undefined when no contract was given. */
type Answer<S> = S extends z.ZodType ? z.output<S> : undefined;

export async function api<S extends z.ZodType | undefined = undefined>(method: Method, path: string, options: ApiOptions<S> = {}): Promise<Answer<S>> {
  const { body, schema, signal, cache } = options;
  const form = typeof FormData !== "undefined" && body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined || form ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
      ...(signal ? { signal } : {}),
      ...(cache ? { cache } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error; // the caller cancelled: not a connection problem
    throw new ApiError(0, NO_CONNECTION, null, null);
  }
  if (!response.ok) throw await refusal(response);
  if (!schema || response.status === 204) return undefined as Answer<S>;
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ApiError(response.status, "The server's answer was not understood; reload the page.", BAD_RESPONSE, parsed.error.issues);
  return parsed.data as Answer<S>;
}

/** The server's `{ error, code, details }`, or a sentence naming the status when the body is not one (e.g. a proxy's page). */
export async function refusal(response: Response): Promise<ApiError> {
  const parsed = ErrorBody.safeParse(await response.json().catch(() => null));
  const body = parsed.success ? parsed.data : {};
  return new ApiError(response.status, body.error ?? `The server answered ${response.status}`, body.code ?? null, body.details ?? null);
}

/** The field errors of an INVALID_INPUT refusal (zod's flatten()), as "field reason, reason" lines. */
export function fieldErrorsOf(error: ApiError): string[] {
  const fields = (error.details as { fieldErrors?: Record<string, string[]> } | null)?.fieldErrors ?? {};
  return Object.entries(fields).map(([field, reasons]) => `${field} ${reasons.join(", ")}`);
}
