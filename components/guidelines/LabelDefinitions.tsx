import Link from "next/link";
import { GuidelineMarkdown } from "./GuidelineMarkdown";

/** The guideline's section for each label that has one (the ? sheet), with a link to the whole guideline. */
export function LabelDefinitions({ labels }: { labels: readonly { key: string; name: string; guideline?: string }[] }) {
  const defined = labels.filter((l) => l.guideline);
  return (
    <section aria-labelledby="label-definitions-heading" className="mt-5 border-t border-slate-200 pt-4">
      <h3 id="label-definitions-heading" className="mb-2 font-semibold">Labels</h3>
      {defined.length === 0 ? (
        <p className="text-sm text-slate-600">The guideline has no label sections yet.</p>
      ) : (
        <dl className="space-y-3">
          {defined.map((label) => (
            <div key={label.key}>
              <dt className="text-sm font-medium">{label.name}</dt>
              <dd className="mt-0.5 text-slate-700">
                <GuidelineMarkdown markdown={label.guideline!} compact />
              </dd>
            </div>
          ))}
        </dl>
      )}
      <Link href="/guidelines" target="_blank" className="mt-3 inline-block text-sm font-medium text-blue-700 hover:underline">
        Read the whole guideline
      </Link>
    </section>
  );
}
