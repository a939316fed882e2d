import { api, ApiError } from "@/lib/client/api";
import { AnnotationList, AnnotationView, AssignmentAnswer, DeletedAnnotationList, type DeletedAnnotation } from "@/lib/schemas/responses/annotations";

// The annotator's calls to Slant's JSON API. Each returns the parsed body or
// throws an ApiError carrying the server's message, so the screen can say
// exactly what went wrong and offer a retry.

export { ApiError };
export type { DeletedAnnotation };

export type NewAnnotation = { label: string; start: number; end: number; quote: string; note?: string | null; attributes?: Record<string, unknown> };
export type AnnotationChange = Partial<NewAnnotation> & { version: number };

export const annotationApi = {
  list: (articleId: string, annotator: string) =>
    api("GET", `/api/articles/${articleId}/annotations?annotator=${encodeURIComponent(annotator)}`, { schema: AnnotationList }).then((r) => r.items),
  listDeleted: (articleId: string) => api("GET", `/api/articles/${articleId}/annotations?deleted=1`, { schema: DeletedAnnotationList }).then((r) => r.items),
  create: (articleId: string, input: NewAnnotation) => api("POST", `/api/articles/${articleId}/annotations`, { body: input, schema: AnnotationView }),
  update: (id: string, change: AnnotationChange) => api("PATCH", `/api/annotations/${id}`, { body: change, schema: AnnotationView }),
  remove: (id: string) => api("DELETE", `/api/annotations/${id}`),
  restore: (id: string) => api("POST", `/api/annotations/${id}/restore`, { schema: AnnotationView }),
  setStatus: (articleId: string, status: "IN_PROGRESS" | "SUBMITTED") => api("PUT", `/api/articles/${articleId}/assignment`, { body: { status }, schema: AssignmentAnswer }),
};

/** The server refused a write because the person's layer on the article is submitted, and submitting is final for them. */
export const isSubmittedIsFinal = (error: unknown) => error instanceof ApiError && error.code === "SUBMITTED_IS_FINAL";
