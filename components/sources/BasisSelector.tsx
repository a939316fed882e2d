"use client";

import type { BasisChoice } from "@/lib/schemas/responses/sources";

type Props = { choices: BasisChoice[]; basis: string; from?: string | undefined; to?: string | undefined; keep?: Record<string, string> };

/** Basis and month range for the view: a plain GET form, so every view is a shareable URL. */
export function BasisSelector({ choices, basis, from, to, keep = {} }: Props) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" aria-label="Basis and filters">
      {Object.entries(keep).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <label className="flex min-w-0 max-w-full flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">Basis</span>
        <select name="basis" defaultValue={basis} onChange={(e) => e.currentTarget.form?.requestSubmit()} className="max-w-full rounded-md border border-slate-300 px-2 py-1.5">
          {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">From month</span>
        <input type="month" name="from" defaultValue={from} className="rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">To month</span>
        <input type="month" name="to" defaultValue={to} className="rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700">Apply</button>
    </form>
  );
}
