"use client";

import type { ReactNode } from "react";
import type { EvidenceRequest, OpenEvidence } from "./useEvidence";

/** A table figure that lists its spans when clicked. */
export function FigureButton({ request, onEvidence, children }: { request: EvidenceRequest; onEvidence: OpenEvidence; children: ReactNode }) {
  return (
    <button type="button" className="tabular-nums hover:text-blue-700 hover:underline" title="Show the spans behind this figure" onClick={() => onEvidence(request)}>
      {children}
    </button>
  );
}
