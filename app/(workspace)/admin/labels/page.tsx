import type { Metadata } from "next";
import { LabelsAdmin } from "@/components/labels-admin/LabelsAdmin";
import { requirePage } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";
import { listLabels } from "@/lib/db/labels/list";

export const metadata: Metadata = { title: "Labels" };

export default async function AdminLabelsPage() {
  const actor = await requirePageUser("/admin/labels");
  requirePage(actor, "label:write");
  const labels = await listLabels();
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Labels</h1>
        <p className="text-sm text-slate-600">
          What analysts tag, in the order the annotator offers them. A label&apos;s description is its guideline, shown when an analyst hovers it and in the{" "}
          <kbd className="rounded border border-slate-300 bg-white px-1 text-xs">?</kbd> sheet. Changing or removing a field never touches stored spans: their values stay
          readable and exported. A retired label keeps its spans and figures but takes no new spans.
        </p>
      </div>
      <LabelsAdmin initial={labels} />
    </div>
  );
}
