"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { LabelGuidelineCard } from "@/components/guidelines/LabelGuidelineCard";
import { placeInViewport } from "@/lib/annotations/placement";
import type { LabelOption } from "./types";

/** Floats under the selection (above it near the bottom of the screen): one button per label, with its shortcut key. */
export function LabelPicker({ labels, rect, onPick }: { labels: LabelOption[]; rect: DOMRect; onPick: (key: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const size = ref.current?.getBoundingClientRect();
    if (!size) return;
    const below = placeInViewport({ x: rect.left + 40, y: rect.bottom }, size, { width: window.innerWidth, height: window.innerHeight }, 8, 8);
    // Above the selection rather than over it when there is no room below.
    const top = below.top < rect.bottom + 8 && rect.top - 8 - size.height >= 8 ? rect.top - 8 - size.height : below.top;
    setPlace({ top, left: below.left });
  }, [rect]);

  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label="Tag the selection"
      className="fixed z-30 flex max-w-[calc(100vw-1rem)] flex-wrap gap-1 rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
      style={place ?? { top: 0, left: 0, visibility: "hidden" }}
      // Keep the text selection alive while clicking a button.
      onMouseDown={(event) => event.preventDefault()}
    >
      {labels.map((label) => (
        <span key={label.key} className="group relative">
          <button
            type="button"
            onClick={() => onPick(label.key)}
            className="flex items-center gap-1.5 rounded-md px-2 py-1 text-sm hover:bg-slate-100"
            // The guideline's section for the label when there is one, else the label's short description.
            {...(label.guideline ? { "aria-describedby": `label-guideline-${label.key}` } : { title: label.description })}
          >
            <span className="h-3 w-3 rounded-sm" style={{ backgroundColor: label.color }} aria-hidden />
            <span style={{ textDecoration: `underline ${label.underline ?? "solid"} ${label.textColor ?? label.color}`, textUnderlineOffset: "0.2em" }}>{label.name}</span>
            {label.shortcut && <kbd className="rounded border border-slate-300 px-1 text-xs text-slate-600">{label.shortcut}</kbd>}
          </button>
          {label.guideline && <LabelGuidelineCard id={`label-guideline-${label.key}`} name={label.name} markdown={label.guideline} />}
        </span>
      ))}
    </div>
  );
}
