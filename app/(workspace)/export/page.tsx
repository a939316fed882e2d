import type { Metadata } from "next";
import { ExportForm } from "@/components/datasets/ExportForm";
import { can, POOLED } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { exportAnnotatorOptions } from "@/lib/db/export/datasets";
import { listLabels } from "@/lib/db/labels/list";
import { listSources } from "@/lib/db/articles/sources";
import { exportFormats } from "@/lib/formats/registry";

export const metadata: Metadata = { title: "Export" };

export default async function ExportPage() {
  const actor = await requirePageUser("/export");
  const [sources, labels, annotators] = await Promise.all([listSources(), listLabels(), exportAnnotatorOptions({ actor })]);
  const formats = Object.entries(exportFormats).map(([key, f]) => ({ key, title: f.title, supportsAnnotationsOnly: f.supportsAnnotationsOnly }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Export</h1>
        <p className="text-sm text-slate-600">
          Download annotations as a dataset. Offsets are Unicode code points, [start, end), into the article text.
          {!can(actor, "others-work:read", POOLED) && " As an analyst you export your own annotations."}
        </p>
      </div>
      <ExportForm
        formats={formats}
        sources={sources.map((s) => ({ id: s.id, name: s.name }))}
        labels={labels.map((l) => ({ key: l.key, name: l.name }))}
        annotators={annotators}
        canExportGold={can(actor, "layer:read", { author: "gold", scope: POOLED })}
      />
    </div>
  );
}
