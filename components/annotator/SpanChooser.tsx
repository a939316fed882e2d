"use client";

import { useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { placeInViewport } from "@/lib/annotations/placement";
import type { LabelOption, ShownAnnotation } from "./types";

type Props = { at: { x: number; y: number }; annotations: ShownAnnotation[]; labels: Map<string, LabelOption>; onChoose: (id: string) => void; onClose: () => void };

/**
 * Where several annotations cover the clicked text: pick which one to open.
 * Opens inside the viewport (above the click near the page end), takes
 * keyboard focus, moves with the arrow keys and closes with Escape.
 */
export function SpanChooser(props: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const { width, height } = menu.getBoundingClientRect();
    setPlace(placeInViewport(props.at, { width, height }, { width: window.innerWidth, height: window.innerHeight }));
  }, [props.at]);

  // Once placed (a hidden element cannot take focus).
  useLayoutEffect(() => {
    if (place) ref.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus({ preventScroll: true });
  }, [place]);

  function onKeyDown(event: KeyboardEvent) {
    const items = Array.from(ref.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? []);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    if (event.key === "ArrowDown") move(index + 1);
    else if (event.key === "ArrowUp") move(index - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(items.length - 1);
    else if (event.key === "Escape" || event.key === "Tab") props.onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div
      ref={ref}
      role="menu"
      aria-label="Annotations here"
      onKeyDown={onKeyDown}
      className="fixed z-30 max-h-[calc(100vh-1rem)] w-72 max-w-[calc(100vw-1rem)] overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
      style={place ?? { top: 0, left: 0, visibility: "hidden" }}
    >
      <p className="px-3 py-1 text-xs text-slate-600">{props.annotations.length} annotations cover this text</p>
      {props.annotations.map((a) => (
        <button key={a.id} role="menuitem" type="button" onClick={() => props.onChoose(a.id)} className="flex w-full items-start gap-2 px-3 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-2 focus:outline-slate-700">
          <span className="mt-1 h-3 w-3 shrink-0 rounded-sm" style={{ backgroundColor: props.labels.get(a.label)?.color }} aria-hidden />
          <span className="min-w-0">
            <span className="font-medium">{props.labels.get(a.label)?.name ?? a.label}</span>
            <span className="line-clamp-1 text-slate-700">“{a.quote}”</span>
          </span>
        </button>
      ))}
      <button type="button" onClick={props.onClose} className="w-full px-3 py-1 text-left text-xs text-slate-600 hover:bg-slate-100">
        Close
      </button>
    </div>
  );
}
