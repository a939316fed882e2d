"use client";

import { useId } from "react";
import { ARTICLE_TEXT, colourProblems, HIGHLIGHT_ALPHA, labelTextContrast, textOnHighlightContrast } from "@/lib/labels/appearance";
import { over, parseHex, toHex } from "@/lib/labels/contrast";

/** The label's colour, with how it will look (its highlight under article text, and as text) and the WCAG AA check the API applies. */
export function ColourField({ value, name, onChange }: { value: string; name: string; onChange: (color: string) => void }) {
  const id = useId();
  const rgb = parseHex(value);
  const problems = colourProblems(value);
  const highlight = rgb ? toHex(over(rgb, HIGHLIGHT_ALPHA.selected, parseHex("#ffffff")!)) : "#ffffff";
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Colour
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input type="color" aria-label="Pick a colour" value={rgb ? toHex(rgb) : "#000000"} onChange={(e) => onChange(e.target.value)} className="h-9 w-12 cursor-pointer rounded border border-slate-300 bg-white" />
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value.trim())}
          aria-describedby={`${id}-check`}
          aria-invalid={problems.length > 0}
          placeholder="#rrggbb"
          className="w-28 rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm"
        />
        <span className="rounded px-1.5 py-0.5 text-sm" style={{ backgroundColor: highlight, color: ARTICLE_TEXT }}>
          Article text on the highlight
        </span>
        <span className="text-sm font-medium" style={{ color: rgb ? value : undefined }}>
          {name || "Label name"}
        </span>
      </div>
      <p id={`${id}-check`} className={`text-xs ${problems.length ? "text-red-800" : "text-slate-600"}`}>
        {problems.length
          ? problems.join("; ")
          : `Contrast ${textOnHighlightContrast(value).toFixed(1)}:1 under article text, ${labelTextContrast(value).toFixed(1)}:1 as text: both pass WCAG AA (4.5:1).`}
      </p>
    </div>
  );
}
