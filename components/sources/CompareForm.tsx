"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Pick two or more sources to see them side by side on the same scales. */
export function CompareForm({ sources, basis }: { sources: { id: string; name: string }[]; basis: string }) {
  const router = useRouter();
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">Compare sources</summary>
      <fieldset className="mt-2 flex max-h-48 flex-wrap gap-x-4 gap-y-1 overflow-y-auto">
        <legend className="sr-only">Sources to compare</legend>
        {sources.map((s) => (
          <label key={s.id} className="flex items-center gap-1">
            <input type="checkbox" checked={picked.includes(s.id)} onChange={() => toggle(s.id)} /> {s.name}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        disabled={picked.length < 2 || picked.length > 6}
        onClick={() => router.push(`/sources/compare?ids=${picked.join(",")}&basis=${basis}`)}
        className="mt-2 rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white disabled:bg-slate-400"
      >
        Compare {picked.length > 0 ? picked.length : ""} sources
      </button>
    </details>
  );
}
