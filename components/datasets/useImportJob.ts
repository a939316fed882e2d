"use client";

import { useEffect, useState } from "react";
import type { ImportReport } from "@/lib/datasets/import-report";

export type ImportJobState = {
  id: string;
  filename: string;
  status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
  total: number | null;
  processed: number;
  error: string | null;
  report: ImportReport;
};

const POLL_MS = 1000;

/** Polls the job until it ends; the job itself runs on the server whether or not anyone polls. */
export function useImportJob(id: string | null): { job: ImportJobState | null; error: string | null } {
  const [job, setJob] = useState<ImportJobState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/api/import/${id}`, { cache: "no-store" });
        const body = (await response.json()) as ImportJobState & { error?: string };
        if (stopped) return;
        if (!response.ok) return setError(body.error ?? `HTTP ${response.status}`);
        setJob(body);
        if (body.status === "QUEUED" || body.status === "RUNNING") timer = setTimeout(poll, POLL_MS);
      } catch (e) {
        // A dropped connection is not the end of the job: try again.
        if (!stopped) timer = setTimeout(poll, POLL_MS * 3);
        setError((e as Error).message);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id]);
  return { job, error };
}
