"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { SourceForm } from "./SourceForm";

/** "New source" / "Edit source": the form opens in place. */
export function SourceFormToggle({ label, source }: { label: string; source?: Parameters<typeof SourceForm>[0]["source"] }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="space-y-3">
      <Button variant="secondary" type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>{open ? "Cancel" : label}</Button>
      {open && <SourceForm {...(source ? { source } : {})} onDone={() => setOpen(false)} />}
    </div>
  );
}
