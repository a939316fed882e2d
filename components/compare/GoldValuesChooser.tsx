"use client";

import { useState } from "react";
import type { LabelOption } from "@/components/annotator/types";
import { attributesKey } from "@/lib/compare/values";
import type { GoldValues } from "./api";
import { SpanValues } from "./SpanValues";

export type Proposal = { by: string; attributes: Record<string, unknown>; note: string | null };

/** Distinct values with everyone who proposed them, in first-seen order. */
function distinct<T>(proposals: Proposal[], key: (p: Proposal) => string, value: (p: Proposal) => T) {
  const seen = new Map<string, { value: T; by: string[] }>();
  for (const p of proposals) {
    const k = key(p);
    const entry = seen.get(k) ?? { value: value(p), by: [] };
    entry.by.push(p.by);
    seen.set(k, entry);
  }
  return [...seen.values()];
}

type Props = { label: LabelOption | undefined; proposals: Proposal[]; onAccept: (values: Required<GoldValues>) => void; onCancel: () => void };

/** When the annotators' (or gold's) values for one span differ, the reviewer picks what gold keeps. */
export function GoldValuesChooser({ label, proposals, onAccept, onCancel }: Props) {
  const attributeOptions = distinct(proposals, (p) => attributesKey(p.attributes), (p) => p.attributes);
  const noteOptions = distinct(proposals, (p) => (p.note ?? "").trim(), (p) => (p.note?.trim() ? p.note : null));
  const [attributeChoice, setAttributeChoice] = useState<number | null>(attributeOptions.length === 1 ? 0 : null);
  const [noteChoice, setNoteChoice] = useState<number | null>(noteOptions.length === 1 ? 0 : null);
  const ready = attributeChoice !== null && noteChoice !== null;
  return (
    <div role="dialog" aria-label="Choose the gold values" className="space-y-2 rounded-md border border-rose-200 bg-rose-50 p-2 text-sm">
      <p className="font-medium">The annotators differ on this span: choose what gold keeps.</p>
      <fieldset>
        <legend className="text-xs font-medium uppercase tracking-wide text-slate-500">Attributes</legend>
        {attributeOptions.map((option, i) => (
          <label key={i} className="flex items-start gap-2 py-0.5">
            <input type="radio" name="gold-attributes" checked={attributeChoice === i} onChange={() => setAttributeChoice(i)} aria-label={`Attributes of ${option.by.join(", ")}`} />
            <span>
              <span className="text-slate-500">{option.by.join(", ")}</span>
              {Object.keys(option.value).length === 0 ? <span className="block text-slate-500">(none)</span> : <SpanValues attributes={option.value} note={null} label={label} />}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend className="text-xs font-medium uppercase tracking-wide text-slate-500">Note</legend>
        {noteOptions.map((option, i) => (
          <label key={i} className="flex items-start gap-2 py-0.5">
            <input type="radio" name="gold-note" checked={noteChoice === i} onChange={() => setNoteChoice(i)} aria-label={`Note of ${option.by.join(", ")}`} />
            <span>
              <span className="text-slate-500">{option.by.join(", ")}: </span>
              <span className="whitespace-pre-wrap">{option.value ?? "(no note)"}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex gap-2">
        <button
          type="button"
          disabled={!ready}
          onClick={() => ready && onAccept({ attributes: attributeOptions[attributeChoice]!.value, note: noteOptions[noteChoice]!.value })}
          className="rounded bg-emerald-700 px-2 py-1 text-white disabled:bg-slate-300"
        >
          Accept with these values
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 bg-white px-2 py-1">
          Cancel
        </button>
      </div>
    </div>
  );
}
