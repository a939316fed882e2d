"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { nextArticleOf } from "@/components/campaigns/nextArticle";
import { Button } from "@/components/ui/Button";
import { annotationApi } from "./api";
import { useSubmission } from "./submission";

/**
 * Campaign work: submits this article (everything typed is saved first, as "Mark as done" does),
 * then opens the person's next article of the campaign, or My work when none is left.
 */
export function SubmitAndNextButton({ articleId, campaign }: { articleId: string; campaign: { id: string; assignment: "static" | "dynamic" } }) {
  const { status, setStatus, setSubmitting, canReopen, flush } = useSubmission();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (status === "SUBMITTED") return null;

  async function submitAndNext() {
    if (!canReopen && !window.confirm("Submit this article and open the next? Submitting is final: you may then see the other annotators' work, and only a reviewer can reopen it.")) return;
    setBusy(true);
    setError(null);
    try {
      const unsaved = await flush();
      if (unsaved) return setError(unsaved);
      setSubmitting(true);
      await annotationApi.setStatus(articleId, "SUBMITTED");
      setStatus("SUBMITTED");
      const next = await nextArticleOf(campaign, articleId);
      router.push(next ? `/articles/${next}` : "/work");
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSubmitting(false);
      setBusy(false);
    }
  }

  return (
    <div className="flex items-center gap-2">
      <Button onClick={() => void submitAndNext()} disabled={busy} title="Submits your work on this article (final for analysts) and opens your next campaign article.">
        {busy ? "Submitting…" : "Submit & next"}
      </Button>
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </div>
  );
}
