// The compare view's calls; each throws an Error with the server's message.
async function send(method: string, url: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.ok) return response.status === 204 ? null : response.json();
  const payload = (await response.json().catch(() => null)) as { error?: string } | null;
  throw new Error(payload?.error ?? `The server answered ${response.status}`);
}

export const adjudication = {
  accept: (articleId: string, annotationIds: string[]) => send("POST", `/api/articles/${articleId}/gold`, { annotationIds }),
  acceptAgreed: (articleId: string) => send("POST", `/api/articles/${articleId}/gold/accept-agreed`),
  reject: (annotationId: string, reason: string) => send("PUT", `/api/annotations/${annotationId}/review`, { decision: "REJECTED", reason }),
  updateGold: (id: string, change: Record<string, unknown>) => send("PATCH", `/api/gold/${id}`, change),
  deleteGold: (id: string) => send("DELETE", `/api/gold/${id}`),
  setStatus: (articleId: string, status: string) => send("PUT", `/api/articles/${articleId}/gold-status`, { status }),
  comment: (articleId: string, annotationId: string, body: string) => send("POST", `/api/articles/${articleId}/comments`, { annotationId, body }),
  comments: (articleId: string) => send("GET", `/api/articles/${articleId}/comments`) as Promise<{ items: { id: string; body: string; annotationId: string | null; author: { name: string }; createdAt: string }[] }>,
};
