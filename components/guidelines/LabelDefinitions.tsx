import Link from "next/link";
import { GuidelineMarkdown } from "./GuidelineMarkdown";

/** Each label's definition (the ? sheet): its section of the guideline, else its short description; with a link to the whole guideline. */
export function LabelDefinitions({ labels }: { labels: readonly { key: string; name: string; color?: string; shortcut?: string | null; description?: string; guideline?: string }[] }) {
  const defined = labels.filter((l) => l.guideline || l.description?.trim());
  return (
    <section aria-labelledby="label-definitions-heading" className="mt-5 border-t border-slate-200 pt-4">
      <h3 id="label-definitions-heading" className="mb-2 font-semibold">Labels</h3>
      {defined.length === 0 ? (
        <p className="text-sm text-slate-600">No label has a definition yet: the guideline has no label sections.</p>
      ) : (
        <dl className="space-y-3">
          {defined.map((label) => (
            <div key={label.key}>
              <dt className="flex items-center gap-1.5 text-sm font-medium">
                {label.color && <span className="h-3 w-3 rounded-sm" style={{ backgroundColor: label.color }} aria-hidden />}
                {label.name}
                {label.shortcut && <kbd className="rounded border border-slate-300 px-1 text-xs font-normal text-slate-600">{label.shortcut}</kbd>}
              </dt>
              <dd className="mt-0.5 text-sm text-slate-700">{label.guideline ? <GuidelineMarkdown markdown={label.guideline} compact /> : label.description}</dd>
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
