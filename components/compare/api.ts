import { api, ApiError } from "@/lib/client/api";
import { CommentList, CommentView } from "@/lib/schemas/responses/compare";

// The compare view's calls; each throws an ApiError with the server's message and code.
export { ApiError };

export type GoldValues = { attributes?: Record<string, unknown>; note?: string | null };

// The view reloads its data after each write (router.refresh), so the writes' answers are not read.
export const adjudication = {
  accept: (articleId: string, annotationIds: string[], values: GoldValues = {}) => api("POST", `/api/articles/${articleId}/gold`, { body: { annotationIds, ...values } }),
  acceptAgreed: (articleId: string) => api("POST", `/api/articles/${articleId}/gold/accept-agreed`),
  reject: (annotationId: string, reason: string) => api("PUT", `/api/annotations/${annotationId}/review`, { body: { decision: "REJECTED", reason } }),
  updateGold: (id: string, change: Record<string, unknown>) => api("PATCH", `/api/gold/${id}`, { body: change }),
  deleteGold: (id: string) => api("DELETE", `/api/gold/${id}`),
  setStatus: (articleId: string, status: string, override?: { reason: string }) => api("PUT", `/api/articles/${articleId}/gold-status`, { body: { status, ...(override ? { override } : {}) } }),
  comment: (articleId: string, annotationId: string, body: string) => api("POST", `/api/articles/${articleId}/comments`, { body: { annotationId, body }, schema: CommentView }),
  comments: (articleId: string) => api("GET", `/api/articles/${articleId}/comments`, { schema: CommentList }),
};
