"use client";

import { useState } from "react";
import { api } from "@/lib/client/api";
import { EvidencePage, type EvidenceSpan } from "@/lib/schemas/responses/sources";

// The spans behind a clicked figure, fetched when asked (a click, not an effect),
// page by page from GET /api/sources/:id/evidence.

export type EvidenceRequest = { sourceId: string; title: string; filters: Record<string, string> };
export type EvidenceState = { request: EvidenceRequest; items: EvidenceSpan[]; nextCursor: string | null; loading: boolean; error: string | null; basis: string };
export type OpenEvidence = (request: EvidenceRequest) => void;

export function useEvidence(view: Record<string, string>) {
  const [state, setState] = useState<EvidenceState | null>(null);

  async function load(request: EvidenceRequest, cursor: string | null, previous: EvidenceSpan[]) {
    setState({ request, items: previous, nextCursor: null, loading: true, error: null, basis: "" });
    const params = new URLSearchParams({ ...view, ...request.filters, ...(cursor ? { cursor } : {}) });
    try {
      const body = await api("GET", `/api/sources/${request.sourceId}/evidence?${params}`, { schema: EvidencePage });
      setState({ request, items: [...previous, ...body.items], nextCursor: body.nextCursor, loading: false, error: null, basis: body.basis.description });
    } catch (error) {
      setState({ request, items: previous, nextCursor: null, loading: false, error: error instanceof Error ? error.message : String(error), basis: "" });
    }
  }

  return {
    state,
    open: ((request) => void load(request, null, [])) as OpenEvidence,
    more: () => state?.nextCursor && void load(state.request, state.nextCursor, state.items),
    close: () => setState(null),
  };
}
