"use client";

import { useId } from "react";

type Option = { value: string; label: string };

/** A labelled native multi-select: keyboard- and screen-reader-friendly without a library. */
export function MultiSelect({ label, options, selected, onChange, hint }: { label: string; options: Option[]; selected: string[]; onChange: (values: string[]) => void; hint: string }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        multiple
        value={selected}
        onChange={(e) => onChange(Array.from(e.target.selectedOptions, (o) => o.value))}
        className="block h-28 w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <p className="mt-1 text-xs text-slate-500">{selected.length ? `${selected.length} selected` : hint}</p>
    </div>
  );
}
