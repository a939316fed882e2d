import type { Metadata } from "next";
import { ImportForm } from "@/components/datasets/ImportForm";
import { ImportJobList } from "@/components/datasets/ImportJobList";
import { can } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { listImportJobs } from "@/lib/db/import/jobs";
import { listSources } from "@/lib/db/articles/sources";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/datasets";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  const actor = await requirePageUser("/import");
  const everyone = can(actor, "import-job:list-everyone");
  const [sources, jobs] = await Promise.all([listSources(), listImportJobs({ actor, query: { limit: 20 } })]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Import</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          Articles from Slant JSONL, a CSV with the columns <code>title,source,body</code> (and optionally <code>byline,url,publishedAt</code>) or a zip of
          .txt, .md and .html files; annotations from Slant JSONL or CSV, Label Studio JSON or W3C Web Annotations. Up to {MAX_IMPORT_BYTES / 1024 / 1024} MB.
          The import goes on if you close this tab.
        </p>
        <p className="max-w-3xl text-sm text-slate-600">
          Hand-written files work: a JSONL line needs only <code>title</code>, <code>source</code>, <code>text</code> and <code>annotations</code> with{" "}
          <code>start, end, label, quote</code>; an annotations CSV needs <code>label, quote</code> and <code>article_id</code> or <code>article_title</code>. Spans
          are yours unless the file names an annotator{everyone ? " (matched by email or id, else kept as an inactive imported annotator)" : ""}. Importing the same
          file again creates nothing new: duplicates are counted in the report.
        </p>
      </div>
      <ImportForm sources={sources.map((s) => s.name)} />
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{everyone ? "Recent imports" : "Your recent imports"}</h2>
        <ImportJobList jobs={jobs.items} showUser={everyone} canCancel={(job) => can(actor, "import-job:cancel", { userId: job.user.id })} />
      </section>
    </div>
  );
}
