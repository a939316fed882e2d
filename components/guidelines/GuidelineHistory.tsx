"use client";

import Link from "next/link";
import { useState } from "react";
import type { GuidelineVersionSummary } from "@/lib/schemas/responses/guidelines";
import { GuidelineDiff } from "./GuidelineDiff";

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Every saved version, newest first, and the changes between any two of them. */
export function GuidelineHistory({ versions }: { versions: GuidelineVersionSummary[] }) {
  const [from, setFrom] = useState(versions[1]?.number ?? versions[0]?.number ?? 0);
  const [to, setTo] = useState(versions[0]?.number ?? 0);
  if (versions.length === 0) return <p className="text-sm text-slate-600">No version has been saved yet: the first save is version 1.</p>;

  const select = (label: string, value: number, onChange: (n: number) => void) => (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))} className="rounded-md border border-slate-300 bg-white px-2 py-1">
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            Version {v.number}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="space-y-6">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Guideline versions</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Version</th>
              <th scope="col" className="px-3 py-2 font-medium">Author</th>
              <th scope="col" className="px-3 py-2 font-medium">Saved (UTC)</th>
              <th scope="col" className="px-3 py-2 font-medium">Note</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.number} className="border-t border-slate-100">
                <td className="px-3 py-2">
                  <Link href={`/guidelines?version=${v.number}`} className="font-medium text-blue-700 hover:underline">
                    {v.number}
                  </Link>
                </td>
                <td className="px-3 py-2">{v.author.name}</td>
                <td className="px-3 py-2 sm:whitespace-nowrap">{when(v.createdAt)}</td>
                <td className="min-w-40 px-3 py-2 text-slate-700">{v.note ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {versions.length > 1 && (
        <section aria-labelledby="guideline-diff-heading" className="space-y-3">
          <h2 id="guideline-diff-heading" className="text-lg font-semibold">Compare versions</h2>
          <div className="flex flex-wrap items-end gap-3">
            {select("From", from, setFrom)}
            {select("To", to, setTo)}
          </div>
          <GuidelineDiff from={from} to={to} />
        </section>
      )}
    </div>
  );
}
