"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { api, ApiError } from "@/lib/client/api";
import { ImportJobView } from "@/lib/schemas/responses/import-jobs";

/** Asks a running import to stop; it stops before its next batch, keeping what it has written. */
export function CancelImportButton({ jobId, filename }: { jobId: string; filename: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function cancel() {
    setBusy(true);
    setProblem(null);
    try {
      await api("POST", `/api/import/${jobId}/cancel`, { schema: ImportJobView });
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "The import could not be cancelled.");
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
