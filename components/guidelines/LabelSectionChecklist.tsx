import type { LabelRef } from "@/lib/guidelines/sections";

/** Which labels the text gives a section (shown in the annotator on hover) and which it does not yet. */
export function LabelSectionChecklist({ labels, sections }: { labels: LabelRef[]; sections: Record<string, string> }) {
  if (labels.length === 0) return null;
  return (
    <div className="text-sm">
      <h2 className="mb-1 font-medium text-slate-700">Label sections</h2>
      <ul className="flex flex-wrap gap-2" aria-label="Label sections">
        {labels.map((label) => {
          const found = label.key in sections;
          return (
            <li key={label.key} className={`rounded-full border px-2.5 py-0.5 ${found ? "border-green-300 bg-green-50 text-green-900" : "border-slate-300 bg-white text-slate-700"}`}>
              <span aria-hidden>{found ? "✓ " : "– "}</span>
              {label.name}
              <span className="sr-only">{found ? ": has a section" : ": no section yet"}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
