"use client";

import { useEffect, useState } from "react";
import { api } from "@/lib/client/api";
import { ExportCount as ExportCountAnswer } from "@/lib/schemas/responses/datasets";

export type ExportCount = { state: "loading" } | { state: "ready"; articles: number; annotations: number } | { state: "error"; message: string };

/** Asks /api/export/count whenever the filters change; a newer answer replaces a slower older one. */
export function useExportCount(query: string): ExportCount {
  const [count, setCount] = useState<ExportCount>({ state: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setCount({ state: "loading" });
      try {
        const body = await api("GET", `/api/export/count?${query}`, { schema: ExportCountAnswer, signal: controller.signal });
        setCount({ state: "ready", articles: body.articles, annotations: body.annotations });
      } catch (error) {
        if (!controller.signal.aborted) setCount({ state: "error", message: (error as Error).message });
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  return count;
}
