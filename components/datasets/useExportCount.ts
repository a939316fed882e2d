"use client";

import { useEffect, useState } from "react";

export type ExportCount = { state: "loading" } | { state: "ready"; articles: number; annotations: number } | { state: "error"; message: string };

/** Asks /api/export/count whenever the filters change; a newer answer replaces a slower older one. */
export function useExportCount(query: string): ExportCount {
  const [count, setCount] = useState<ExportCount>({ state: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setCount({ state: "loading" });
      try {
        const response = await fetch(`/api/export/count?${query}`, { signal: controller.signal });
        const body = (await response.json()) as { articles: number; annotations: number; error?: string };
        setCount(response.ok ? { state: "ready", articles: body.articles, annotations: body.annotations } : { state: "error", message: body.error ?? `HTTP ${response.status}` });
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
