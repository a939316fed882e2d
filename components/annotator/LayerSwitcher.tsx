"use client";

import type { Annotator, Layer } from "./types";

const encode = (layer: Layer) => (layer.kind === "user" ? layer.userId : layer.kind);

/** Reviewers and admins may look at any annotator's layer, or all of them at once. */
export function LayerSwitcher({ layer, annotators, onChange }: { layer: Layer; annotators: Annotator[]; onChange: (layer: Layer) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-600">Showing</span>
      <select
        value={encode(layer)}
        onChange={(e) => onChange(e.target.value === "me" || e.target.value === "all" ? { kind: e.target.value } : { kind: "user", userId: e.target.value })}
        className="rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        <option value="me">My annotations</option>
        <option value="all">All annotators</option>
        {annotators.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </label>
  );
}
