"use client";

import { useEffect, useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { ImportJobView } from "@/lib/schemas/responses/import-jobs";

export type ImportJobState = ImportJobView;

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
        const body = await api("GET", `/api/import/${id}`, { schema: ImportJobView, cache: "no-store" });
        if (stopped) return;
        setJob(body);
        if (body.status === "QUEUED" || body.status === "RUNNING") timer = setTimeout(poll, POLL_MS);
      } catch (e) {
        if (stopped) return;
        // A refusal (the job is not yours, or gone) ends the polling; a dropped connection is not the end of the job: try again.
        if (e instanceof ApiError && e.status !== 0) return setError(e.message);
        timer = setTimeout(poll, POLL_MS * 3);
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
