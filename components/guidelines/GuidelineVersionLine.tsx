import type { GuidelineView } from "@/lib/schemas/responses/guidelines";

/** "Version 3 · by Ana · 26 Nov 2026, 07:20 · what changed": which text this is and whose. */
export function GuidelineVersionLine({ guideline }: { guideline: GuidelineView }) {
  if (guideline.number === 0 || !guideline.createdAt) return <p className="text-sm text-slate-600">No version saved yet.</p>;
  const when = new Date(guideline.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <p className="text-sm text-slate-600" data-testid="guideline-version">
      Version {guideline.number} · by {guideline.author?.name ?? "unknown"} · {when} UTC{guideline.note ? ` · ${guideline.note}` : ""}
    </p>
  );
}
