import type { AnnotationView } from "./types";

// The annotator's calls to Slant's JSON API. Each returns the parsed body or
// throws an ApiError carrying the server's message, so the screen can say
// exactly what went wrong and offer a retry.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: unknown,
    /** The server's machine-readable code (lib/errors.ts), e.g. SUBMITTED_IS_FINAL. */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "No connection to the server", null);
  }
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => null)) as { error?: string; code?: string; details?: unknown } | null;
  if (!response.ok) throw new ApiError(response.status, payload?.error ?? `The server answered ${response.status}`, payload?.details ?? null, payload?.code ?? null);
  return payload as T;
}

export type NewAnnotation = { label: string; start: number; end: number; quote: string; note?: string | null; attributes?: Record<string, unknown> };
export type DeletedAnnotation = AnnotationView & { deletedAt: string };
export type AnnotationChange = Partial<NewAnnotation> & { version: number };

export const annotationApi = {
  list: (articleId: string, annotator: string) =>
    call<{ items: AnnotationView[] }>("GET", `/api/articles/${articleId}/annotations?annotator=${encodeURIComponent(annotator)}`).then((r) => r.items),
  listDeleted: (articleId: string) =>
    call<{ items: DeletedAnnotation[] }>("GET", `/api/articles/${articleId}/annotations?deleted=1`).then((r) => r.items),
  create: (articleId: string, input: NewAnnotation) => call<AnnotationView>("POST", `/api/articles/${articleId}/annotations`, input),
  update: (id: string, change: AnnotationChange) => call<AnnotationView>("PATCH", `/api/annotations/${id}`, change),
  remove: (id: string) => call<void>("DELETE", `/api/annotations/${id}`),
  restore: (id: string) => call<AnnotationView>("POST", `/api/annotations/${id}/restore`),
  setStatus: (articleId: string, status: "IN_PROGRESS" | "SUBMITTED") =>
    call<{ status: string }>("PUT", `/api/articles/${articleId}/assignment`, { status }),
};

/** The server refused a write because the person's layer on the article is submitted, and submitting is final for them. */
export const isSubmittedIsFinal = (error: unknown) => error instanceof ApiError && error.code === "SUBMITTED_IS_FINAL";
