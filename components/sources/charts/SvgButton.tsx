import type { KeyboardEvent, ReactNode } from "react";

/** A clickable, focusable chart mark: Enter or Space opens the spans behind it, like a click. */
export function SvgButton({ label, onSelect, children }: { label: string; onSelect: () => void; children: ReactNode }) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect();
    }
  };
  return (
    <g role="button" tabIndex={0} aria-label={label} onClick={onSelect} onKeyDown={onKeyDown} style={{ cursor: "pointer" }} className="outline-none focus:opacity-70">
      <title>{label}</title>
      {children}
    </g>
  );
}
