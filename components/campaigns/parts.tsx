import type { WorkStatus } from "@/lib/schemas/responses/campaigns";

const statusStyle = { DRAFT: "bg-slate-100 text-slate-700", RUNNING: "bg-emerald-100 text-emerald-900", CLOSED: "bg-slate-200 text-slate-700" } as const;

export function StatusBadge({ status }: { status: keyof typeof statusStyle }) {
  return <span className={`rounded px-1.5 py-0.5 align-middle text-xs font-medium uppercase ${statusStyle[status]}`}>{status.toLowerCase()}</span>;
}

const workText: Record<WorkStatus, string> = { ASSIGNED: "to do", IN_PROGRESS: "in progress", SUBMITTED: "submitted" };
const workStyle: Record<WorkStatus, string> = { ASSIGNED: "bg-amber-100 text-amber-900", IN_PROGRESS: "bg-blue-100 text-blue-900", SUBMITTED: "bg-emerald-100 text-emerald-900" };

export function WorkBadge({ status }: { status: WorkStatus }) {
  return <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${workStyle[status]}`}>{workText[status]}</span>;
}

/** "12 of 30" with a bar; the bar is decoration, the numbers are the information. */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <div className="text-sm">
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} className="h-2 overflow-hidden rounded bg-slate-200">
        <div className="h-full bg-emerald-600" style={{ width: `${share * 100}%` }} />
      </div>
      <p className="mt-1 text-slate-600">
        {done.toLocaleString("en")} of {total.toLocaleString("en")} submitted
      </p>
    </div>
  );
}

export function DueDate({ dueAt }: { dueAt: string | null }) {
  if (!dueAt) return <p className="text-sm text-slate-500">No due date</p>;
  const due = new Date(dueAt);
  return (
    <p className="text-sm text-slate-700">
      Due <time dateTime={dueAt}>{due.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })}</time>
    </p>
  );
}
