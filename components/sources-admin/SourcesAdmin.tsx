"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { SourceDeleteConfirm } from "./SourceDeleteConfirm";
import { SourceForm } from "@/components/sources/SourceForm";
import { SourceMergeForm } from "./SourceMergeForm";
import { articles, type AdminSource } from "./types";

type Open = { id: string; mode: "edit" | "merge" | "delete" } | null;

/** Every source with its article count; one source at a time opens to be edited, merged or deleted. */
export function SourcesAdmin({ sources }: { sources: AdminSource[] }) {
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<string | null>(null);

  const done = (text: string) => {
    setOpen(null);
    setMessage(text);
    router.refresh();
  };

  if (sources.length === 0) return <p className="text-sm text-slate-600">No sources yet: they are made when articles are added or imported.</p>;

  return (
    <div className="space-y-3">
      {message && <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">{message}</p>}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Sources">
        {sources.map((source) => {
          const mode = open?.id === source.id ? open.mode : null;
          const toggle = (next: "edit" | "merge" | "delete") => {
            setMessage(null);
            setOpen(mode === next ? null : { id: source.id, mode: next });
          };
          return (
            <li key={source.id} className="p-3" data-testid="admin-source">
              <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                <div className="min-w-48 flex-1">
                  <Link href={`/sources/${source.id}`} className="font-medium text-blue-700 hover:underline">{source.name}</Link>
                  <p className="text-xs text-slate-600">
                    {[source.domain, source.homepage].filter(Boolean).join(" · ") || "No domain or homepage"}
                  </p>
                </div>
                <span className="text-sm text-slate-700 tabular-nums">{articles(source.articleCount)}</span>
                <div className="flex gap-1" role="group" aria-label={`Actions for ${source.name}`}>
                  <Button type="button" variant="secondary" aria-expanded={mode === "edit"} onClick={() => toggle("edit")}>Edit</Button>
                  <Button type="button" variant="secondary" aria-expanded={mode === "merge"} onClick={() => toggle("merge")}>Merge…</Button>
                  <Button type="button" variant="secondary" aria-expanded={mode === "delete"} onClick={() => toggle("delete")}>Delete</Button>
                </div>
              </div>
              {mode && (
                <div className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-3">
                  {mode === "edit" && <SourceForm source={source} onSaved={() => done(`Saved "${source.name}".`)} onCancel={() => setOpen(null)} />}
                  {mode === "merge" && <SourceMergeForm source={source} others={sources.filter((s) => s.id !== source.id)} onDone={done} onCancel={() => setOpen(null)} />}
                  {mode === "delete" && <SourceDeleteConfirm source={source} onDone={done} onCancel={() => setOpen(null)} />}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
