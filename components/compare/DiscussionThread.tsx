"use client";

import { useEffect, useState } from "react";
import { adjudication } from "./api";

type Comment = { id: string; body: string; author: { name: string }; createdAt: string };

/** The reviewers' discussion of one disputed span. */
export function DiscussionThread({ articleId, annotationId, onPosted }: { articleId: string; annotationId: string; onPosted: () => void }) {
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState("");

  useEffect(() => {
    adjudication.comments(articleId).then(
      (r) => setComments(r.items.filter((c) => c.annotationId === annotationId)),
      (e: unknown) => setError(String(e)),
    );
  }, [articleId, annotationId]);

  async function post() {
    try {
      const created = (await adjudication.comment(articleId, annotationId, draft)) as Comment;
      setComments((c) => [...(c ?? []), created]);
      setDraft("");
      onPosted();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="rounded-md bg-slate-50 p-2 text-sm" aria-label="Discussion">
      {comments === null && !error && <p className="text-slate-500">Loading…</p>}
      {comments?.length === 0 && <p className="text-slate-500">No comments yet.</p>}
      <ul className="space-y-1">
        {comments?.map((c) => (
          <li key={c.id}>
            <span className="font-medium">{c.author.name}:</span> {c.body}
          </li>
        ))}
      </ul>
      {error && <p role="alert" className="text-red-700">{error}</p>}
      <div className="mt-2 flex gap-2">
        <input aria-label="Comment" value={draft} onChange={(e) => setDraft(e.target.value)} className="flex-1 rounded border border-slate-300 px-2 py-1" placeholder="Why is this disputed?" />
        <button type="button" disabled={!draft.trim()} onClick={() => void post()} className="rounded bg-slate-900 px-2 py-1 text-white disabled:bg-slate-400">
          Post
        </button>
      </div>
    </div>
  );
}
