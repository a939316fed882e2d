"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { api, ApiError } from "@/lib/client/api";
import { ImportAccepted } from "@/lib/schemas/responses/import-jobs";
import { TextField } from "@/components/ui/TextField";
import { ImportReportView } from "./ImportReportView";
import { useImportJob } from "./useImportJob";

const FORMATS = { articles: ["jsonl", "csv", "zip"], annotations: ["jsonl", "csv", "labelstudio", "w3c"] } as const;
const select = "block w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm";

export function ImportForm({ sources }: { sources: string[] }) {
  const [kind, setKind] = useState<keyof typeof FORMATS>("articles");
  const [jobId, setJobId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const { job, error: pollError } = useImportJob(jobId);

  async function upload(form: HTMLFormElement) {
    setSending(true);
    setProblem(null);
    setJobId(null);
    try {
      const { id } = await api("POST", "/api/import", { body: new FormData(form), schema: ImportAccepted });
      setJobId(id);
    } catch (e) {
      setProblem(e instanceof ApiError && e.details ? `${e.message} ${JSON.stringify(e.details)}` : (e as Error).message);
    } finally {
      setSending(false);
    }
  }

  const running = job && (job.status === "QUEUED" || job.status === "RUNNING");
  return (
    <div className="space-y-6">
      <form
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm md:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          void upload(e.currentTarget);
        }}
      >
        <label className="text-sm font-medium text-slate-700">
          What the file contains
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as keyof typeof FORMATS)} className={`mt-1 ${select}`}>
            <option value="articles">Articles (with their annotations, if any)</option>
            <option value="annotations">Annotations on articles already in Slant</option>
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          Format
          <select name="format" defaultValue="" key={kind} className={`mt-1 ${select}`}>
            <option value="">Recognize from the file</option>
            {FORMATS[kind].map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          File
          <input name="file" type="file" required accept=".jsonl,.ndjson,.csv,.zip,.json,.jsonld" className="mt-1 block w-full text-sm" />
        </label>
        {kind === "articles" && (
          <div>
            <TextField label="Source (for a zip of text files)" name="source" list="import-sources" placeholder="e.g. South Front" />
            <datalist id="import-sources">
              {sources.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </div>
        )}
        <div className="md:col-span-2">
          <Button type="submit" disabled={sending || !!running}>
            {sending ? "Uploading…" : "Import"}
          </Button>
        </div>
      </form>
      {problem && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {problem}
        </p>
      )}
      {pollError && !job && <p role="alert" className="text-sm text-red-800">{pollError}</p>}
      {job && (
        <section aria-label="Import progress" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="font-medium">
            {job.filename}: {job.status === "SUCCEEDED" ? "done" : job.status === "FAILED" ? "failed" : job.status === "CANCELLED" ? "cancelled" : "importing…"}
          </h2>
          <progress className="w-full" max={job.total ?? undefined} value={job.processed} aria-label="Rows processed" />
          <p className="text-sm text-slate-600">
            {job.processed.toLocaleString()} of {job.total?.toLocaleString() ?? "?"} rows
          </p>
          {job.error && <p role="alert" className="text-sm text-red-800">{job.error}</p>}
          <ImportReportView report={job.report} />
        </section>
      )}
    </div>
  );
}
