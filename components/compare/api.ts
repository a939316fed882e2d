// The compare view's calls; each throws an ApiError with the server's message and code.
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    message: string,
    readonly code: string | null,
    readonly details: unknown,
  ) {
    super(message);
  }
}

async function send(method: string, url: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.ok) return response.status === 204 ? null : response.json();
  const payload = (await response.json().catch(() => null)) as { error?: string; code?: string; details?: unknown } | null;
  throw new ApiError(payload?.error ?? `The server answered ${response.status}`, payload?.code ?? null, payload?.details ?? null);
}

export type GoldValues = { attributes?: Record<string, unknown>; note?: string | null };

export const adjudication = {
  accept: (articleId: string, annotationIds: string[], values: GoldValues = {}) => send("POST", `/api/articles/${articleId}/gold`, { annotationIds, ...values }),
  acceptAgreed: (articleId: string) => send("POST", `/api/articles/${articleId}/gold/accept-agreed`),
  reject: (annotationId: string, reason: string) => send("PUT", `/api/annotations/${annotationId}/review`, { decision: "REJECTED", reason }),
  updateGold: (id: string, change: Record<string, unknown>) => send("PATCH", `/api/gold/${id}`, change),
  deleteGold: (id: string) => send("DELETE", `/api/gold/${id}`),
  setStatus: (articleId: string, status: string, override?: { reason: string }) => send("PUT", `/api/articles/${articleId}/gold-status`, { status, ...(override ? { override } : {}) }),
  comment: (articleId: string, annotationId: string, body: string) => send("POST", `/api/articles/${articleId}/comments`, { annotationId, body }),
  comments: (articleId: string) => send("GET", `/api/articles/${articleId}/comments`) as Promise<{ items: { id: string; body: string; annotationId: string | null; author: { name: string }; createdAt: string }[] }>,
};
