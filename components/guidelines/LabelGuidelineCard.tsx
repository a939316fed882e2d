import { GuidelineMarkdown } from "./GuidelineMarkdown";

/**
 * A label's guideline section, shown while the pointer is over (or focus is
 * in) the element it sits beside: the parent carries Tailwind's `group` class.
 * Absolutely placed, so it never moves the picker's buttons.
 */
export function LabelGuidelineCard({ id, name, markdown }: { id: string; name: string; markdown: string }) {
  return (
    <div
      id={id}
      role="tooltip"
      className="invisible absolute top-full left-0 z-40 mt-1 max-h-72 w-80 max-w-[calc(100vw-2rem)] overflow-y-auto rounded-md border border-slate-200 bg-white p-3 text-left text-slate-800 shadow-lg group-focus-within:visible group-hover:visible"
    >
      <p className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{name}: guideline</p>
      <GuidelineMarkdown markdown={markdown} compact />
    </div>
  );
}
