"use client";

import { useRouter } from "next/navigation";

type SourceOption = { id: string; name: string; articleCount: number };

export function SourceFilter({ sources, selected }: { sources: SourceOption[]; selected: string }) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-600">Source</span>
      <select
        value={selected}
        onChange={(e) => router.push(e.target.value ? `/articles?sourceId=${e.target.value}` : "/articles")}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        <option value="">All sources</option>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.articleCount})
          </option>
        ))}
      </select>
    </label>
  );
}
