import type { Metadata } from "next";
import { SourcesAdmin } from "@/components/sources-admin/SourcesAdmin";
import { requirePage } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";
import { listSourcesForAdmin } from "@/lib/db/articles/sources";

export const metadata: Metadata = { title: "Manage sources" };

/** Admins: edit, merge and delete sources. */
export default async function AdminSourcesPage() {
  const actor = await requirePageUser("/admin/sources");
  requirePage(actor, "source:update");
  const sources = await listSourcesForAdmin({ actor });

  return (
    <div className="max-w-4xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sources</h1>
        <p className="text-sm text-slate-600">
          {sources.length} source{sources.length === 1 ? "" : "s"}. Merging moves a source&rsquo;s articles, with their annotations and figures, into another; only a source without articles can be deleted.
        </p>
      </div>
      <SourcesAdmin sources={sources} />
    </div>
  );
}
