"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { annotationApi } from "./api";
import { useSubmission } from "./submission";

/**
 * Marks the person's work on this article as done; only reviewers may reopen it (submitting is final for analysts).
 * Everything typed so far is saved first: a submit never overtakes a pending autosave, which would then be refused.
 */
export function DoneButton({ articleId }: { articleId: string }) {
  const { status, setStatus, setSubmitting, canReopen, flush } = useSubmission();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saving, setSaving] = useState(false);
  const submitted = status === "SUBMITTED";

  async function toggle() {
    if (!submitted && !canReopen && !window.confirm("Mark this article as done? Submitting is final: you may then see the other annotators' work, and only a reviewer can reopen it.")) return;
    setBusy(true);
    setError(null);
    try {
      const next = submitted ? "IN_PROGRESS" : "SUBMITTED";
      if (next === "SUBMITTED") {
        setSaving(true);
        const unsaved = await flush();
        setSaving(false);
        if (unsaved) return setError(unsaved);
        setSubmitting(true);
      }
      await annotationApi.setStatus(articleId, next);
      setStatus(next);
      // The page's server part now lists the other annotators whose layers the person may read.
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
      setSubmitting(false);
      setBusy(false);
    }
  }

  return (
    <div className="flex items-center gap-2">
      {submitted && <span className="text-sm font-medium text-emerald-700">Done ✓</span>}
      {(!submitted || canReopen) && (
        <Button variant={submitted ? "secondary" : "primary"} onClick={toggle} disabled={busy} title={submitted ? undefined : "Submitting is final: afterwards you may see the other annotators' work, and only a reviewer can reopen it."}>
          {submitted ? "Reopen" : saving ? "Saving your changes…" : "Mark as done"}
        </Button>
      )}
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </div>
  );
}
