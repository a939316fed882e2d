import type { ImportJobSummary } from "@/lib/schemas/responses/import-jobs";
import { CancelImportButton } from "./CancelImportButton";

// Rendered on the server, whose time zone is not the reader's: say which one.
const formatDateTime = (iso: string) => `${new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
const statusText = { QUEUED: "Queued", RUNNING: "Running", SUCCEEDED: "Done", FAILED: "Failed", CANCELLED: "Cancelled" } as const;

/** Past imports, newest first; whose they are is shown when the list holds other people's. */
/** `canCancel`: whose running jobs the reader may cancel (their own; an admin, anyone's). */
export function ImportJobList({ jobs, showUser, canCancel }: { jobs: ImportJobSummary[]; showUser: boolean; canCancel: (job: ImportJobSummary) => boolean }) {
  if (jobs.length === 0) return <p className="text-sm text-slate-600">No imports yet.</p>;
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" aria-label="Past imports">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">File</th>
            {showUser && <th className="px-4 py-2 font-medium">By</th>}
            <th className="px-4 py-2 font-medium">Started</th>
            <th className="px-4 py-2 font-medium">Status</th>
            <th className="px-4 py-2 text-right font-medium">Created</th>
            <th className="px-4 py-2 text-right font-medium">Rejected</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {jobs.map((job) => (
            <tr key={job.id}>
              <td className="px-4 py-3">
                <span className="font-medium text-slate-900">{job.filename}</span>
                <span className="text-slate-500">
                  {" "}
                  · {job.kind}, {job.format}
                </span>
              </td>
              {showUser && <td className="px-4 py-3 text-slate-700">{job.user.name}</td>}
              <td className="px-4 py-3 whitespace-nowrap text-slate-600">{formatDateTime(job.createdAt)}</td>
              <td className="px-4 py-3 text-slate-700" title={job.error ?? undefined}>
                {statusText[job.status]}
                {job.status === "RUNNING" && job.total ? ` (${job.processed} of ${job.total})` : ""}
                {job.status === "CANCELLED" && ` after ${job.processed} of ${job.total ?? "?"} records`}
                {job.error && <span className="block text-xs text-red-700">{job.error}</span>}
                {(job.status === "RUNNING" || job.status === "QUEUED") && canCancel(job) && <CancelImportButton jobId={job.id} filename={job.filename} />}
              </td>
              <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums text-slate-600">
                {job.created.articles} articles, {job.created.annotations} annotations
              </td>
              <td className="px-4 py-3 text-right tabular-nums text-slate-600">{job.rejected}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
