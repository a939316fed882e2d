"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";

/** Asks a running import to stop; it stops before its next batch, keeping what it has written. */
export function CancelImportButton({ jobId, filename }: { jobId: string; filename: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function cancel() {
    setBusy(true);
    setProblem(null);
    const response = await fetch(`/api/import/${jobId}/cancel`, { method: "POST" }).catch(() => null);
    if (!response?.ok) {
      const body = (await response?.json().catch(() => null)) as { error?: string } | null;
      setProblem(body?.error ?? "The import could not be cancelled.");
    }
    setBusy(false);
    router.refresh();
  }
  return (
    <span className="block">
      <Button type="button" variant="secondary" className="mt-1 px-2 py-1 text-xs" disabled={busy} onClick={cancel} aria-label={`Cancel the import of ${filename}`}>
        {busy ? "Cancelling…" : "Cancel"}
      </Button>
      {problem && <span role="alert" className="block text-xs text-red-700">{problem}</span>}
    </span>
  );
}
