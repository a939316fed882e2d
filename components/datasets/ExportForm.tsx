"use client";

import { useState } from "react";
import { TextField } from "@/components/ui/TextField";
import { exportQueryString } from "@/lib/datasets/query";
import { MultiSelect } from "./MultiSelect";
import { useExportCount } from "./useExportCount";

type Props = {
  formats: { key: string; title: string; supportsAnnotationsOnly: boolean }[];
  sources: { id: string; name: string }[];
  labels: { key: string; name: string }[];
  annotators: { id: string; name: string }[];
  canExportGold: boolean;
};

const checkbox = "h-4 w-4 rounded border-slate-300";

export function ExportForm({ formats, sources, labels, annotators, canExportGold }: Props) {
  const [format, setFormat] = useState(formats[0]?.key ?? "jsonl");
  const [sourceId, setSourceId] = useState<string[]>([]);
  const [label, setLabel] = useState<string[]>([]);
  const [annotator, setAnnotator] = useState<string[]>([]);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [gold, setGold] = useState(false);
  const [pseudonymize, setPseudonymize] = useState(false);
  const [annotationsOnly, setAnnotationsOnly] = useState(false);
  const [spreadsheetSafe, setSpreadsheetSafe] = useState(true);

  const chosen = formats.find((f) => f.key === format);
  const withoutText = annotationsOnly && (chosen?.supportsAnnotationsOnly ?? false);
  const filters = { sourceId, label, annotator, from, to, gold, pseudonymize, annotationsOnly: withoutText };
  const count = useExportCount(exportQueryString(filters));
  const rawCsv = format === "csv" && !spreadsheetSafe;
  const href = `/api/export?${exportQueryString({ format, ...filters })}${rawCsv ? "&csvSafe=0" : ""}`;

  return (
    <form className="grid gap-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm md:grid-cols-2" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="space-y-2 md:col-span-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">Format</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {formats.map((f) => (
            <label key={f.key} className="flex items-center gap-2 text-sm">
              <input type="radio" name="format" value={f.key} checked={format === f.key} onChange={() => setFormat(f.key)} />
              {f.title}
            </label>
          ))}
        </div>
      </fieldset>
      <MultiSelect label="Sources" options={sources.map((s) => ({ value: s.id, label: s.name }))} selected={sourceId} onChange={setSourceId} hint="All sources" />
      <MultiSelect label="Labels" options={labels.map((l) => ({ value: l.key, label: l.name }))} selected={label} onChange={setLabel} hint="All labels" />
      <MultiSelect label="Annotators" options={annotators.map((a) => ({ value: a.id, label: a.name }))} selected={annotator} onChange={setAnnotator} hint="Everyone" />
      <div className="grid grid-cols-2 gap-3 self-start">
        <TextField label="Published from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label="Published to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <fieldset className="space-y-2 md:col-span-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">Options</legend>
        {canExportGold && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className={checkbox} checked={gold} onChange={(e) => setGold(e.target.checked)} /> Gold standard only
          </label>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className={checkbox} checked={pseudonymize} onChange={(e) => setPseudonymize(e.target.checked)} /> Pseudonymize annotators
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className={checkbox} checked={withoutText} disabled={!chosen?.supportsAnnotationsOnly} onChange={(e) => setAnnotationsOnly(e.target.checked)} />
          Leave out the article text{chosen?.supportsAnnotationsOnly ? "" : " (not available: this format needs the text)"}
        </label>
        {format === "csv" && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className={checkbox} checked={spreadsheetSafe} onChange={(e) => setSpreadsheetSafe(e.target.checked)} />
            Safe to open in a spreadsheet (cells starting with = + - @ get a leading &apos;; untick for pipelines and re-import)
          </label>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center justify-between gap-4 border-t border-slate-100 pt-4 md:col-span-2">
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {count.state === "loading" && "Counting…"}
          {count.state === "error" && <span className="text-red-700">{count.message}</span>}
          {count.state === "ready" && `${count.articles.toLocaleString()} articles, ${count.annotations.toLocaleString()} annotations`}
        </p>
        {/* A plain link: the browser streams the download itself, so it starts at once and any size works. */}
        <a href={href} download className="inline-flex items-center rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700">
          Download
        </a>
      </div>
    </form>
  );
}
