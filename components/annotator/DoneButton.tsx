"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { annotationApi } from "./api";

type Status = "ASSIGNED" | "IN_PROGRESS" | "SUBMITTED" | null;

/** Marks the analyst's work on this article as done; only reviewers may reopen it (submitting is final for analysts). */
export function DoneButton({ articleId, initial, canReopen }: { articleId: string; initial: Status; canReopen: boolean }) {
  const [status, setStatus] = useState<Status>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submitted = status === "SUBMITTED";

  async function toggle() {
    if (!submitted && !canReopen && !window.confirm("Mark this article as done? Submitting is final: you may then see the other annotators' work, and only a reviewer can reopen it.")) return;
    setBusy(true);
    setError(null);
    try {
      const next = submitted ? "IN_PROGRESS" : "SUBMITTED";
      await annotationApi.setStatus(articleId, next);
      setStatus(next);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex items-center gap-2">
      {submitted && <span className="text-sm font-medium text-emerald-700">Done ✓</span>}
      {(!submitted || canReopen) && (
        <Button variant={submitted ? "secondary" : "primary"} onClick={toggle} disabled={busy} title={submitted ? undefined : "Submitting is final: afterwards you may see the other annotators' work, and only a reviewer can reopen it."}>
          {submitted ? "Reopen" : "Mark as done"}
        </Button>
      )}
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </div>
  );
}
