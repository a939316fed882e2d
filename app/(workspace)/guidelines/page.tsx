import type { Metadata } from "next";
import Link from "next/link";
import { GuidelineMarkdown } from "@/components/guidelines/GuidelineMarkdown";
import { GuidelineVersionLine } from "@/components/guidelines/GuidelineVersionLine";
import { pageRead } from "@/lib/auth/page-access";
import { can } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getGuideline } from "@/lib/db/guidelines/guidelines";
import { GuidelineQuery } from "@/lib/schemas/guidelines";

export const metadata: Metadata = { title: "Guidelines" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The annotation guideline, for everyone signed in: the latest version, or ?version=N. */
export default async function GuidelinesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageUser("/guidelines");
  const raw = await searchParams;
  const parsed = GuidelineQuery.safeParse(typeof raw.version === "string" ? { version: raw.version } : {});
  const version = parsed.success ? parsed.data.version : undefined;
  const [guideline, latest] = await Promise.all([pageRead(getGuideline({ version })), getGuideline()]);
  const mayEdit = can(actor, "guideline:write");

  return (
    <div className="max-w-3xl space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Annotation guideline</h1>
          <GuidelineVersionLine guideline={guideline} />
        </div>
        {mayEdit && (
          <Link href="/admin/guidelines" className="text-sm font-medium text-blue-700 hover:underline">
            Edit the guideline
          </Link>
        )}
      </div>
      {guideline.number !== latest.number && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This is an older version. <Link href="/guidelines" className="font-medium underline">Read the latest (version {latest.number})</Link>.
        </p>
      )}
      <section aria-label="Guideline text" className="rounded-lg border border-slate-200 bg-white p-5">
        {guideline.markdown.trim() ? (
          <GuidelineMarkdown markdown={guideline.markdown} />
        ) : (
          <p className="text-slate-600">No guideline has been written yet.{mayEdit ? " Write the first version from the editor." : " An admin writes it."}</p>
        )}
      </section>
    </div>
  );
}
