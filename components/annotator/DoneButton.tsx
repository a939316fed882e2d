"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { annotationApi } from "./api";

type Status = "ASSIGNED" | "IN_PROGRESS" | "SUBMITTED" | null;

/** Marks the analyst's work on this article as done (or reopens it). */
export function DoneButton({ articleId, initial }: { articleId: string; initial: Status }) {
  const [status, setStatus] = useState<Status>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submitted = status === "SUBMITTED";

  async function toggle() {
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
      <Button variant={submitted ? "secondary" : "primary"} onClick={toggle} disabled={busy}>
        {submitted ? "Reopen" : "Mark as done"}
      </Button>
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </div>
  );
}
