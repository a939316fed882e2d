"use client";

import { Button } from "@/components/ui/Button";

/** A link or password shown once, to copy and pass on: Slant keeps only its hash. */
export function OneTimeSecret({ label, value, children }: { label: string; value: string; children: React.ReactNode }) {
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p>{children}</p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input readOnly aria-label={label} value={value} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs" />
        <Button type="button" variant="secondary" onClick={() => void navigator.clipboard?.writeText(value)}>
          Copy
        </Button>
      </div>
    </div>
  );
}
