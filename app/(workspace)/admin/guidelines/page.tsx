import type { Metadata } from "next";
import Link from "next/link";
import { GuidelineEditor } from "@/components/guidelines/GuidelineEditor";
import { GuidelineHistory } from "@/components/guidelines/GuidelineHistory";
import { requirePage } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";
import { listLabels } from "@/lib/db/labels/list";
import { getGuideline, listGuidelineVersions } from "@/lib/db/guidelines/guidelines";

export const metadata: Metadata = { title: "Edit the guideline" };

/** Admins: edit the guideline (a new version per save), its history, and the changes between versions. */
export default async function AdminGuidelinesPage() {
  const actor = await requirePageUser("/admin/guidelines");
  requirePage(actor, "guideline:write");
  const [guideline, versions, labels] = await Promise.all([getGuideline(), listGuidelineVersions(), listLabels()]);

  return (
    <div className="max-w-4xl space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Annotation guideline</h1>
        <Link href="/guidelines" className="text-sm font-medium text-blue-700 hover:underline">
          Read it as annotators do
        </Link>
      </div>
      <GuidelineEditor initial={guideline} labels={labels.map((l) => ({ key: l.key, name: l.name }))} />
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">Version history</h2>
        <GuidelineHistory key={versions[0]?.number ?? 0} versions={versions} />
      </section>
    </div>
  );
}
