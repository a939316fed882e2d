"use client";

import { useRef, type ReactNode } from "react";
import { downloadPng, downloadSvg } from "@/components/ui/download";

/** A chart with its heading and SVG / PNG downloads; the chart draws into the SVG given by `children`. */
export function ChartFrame({ title, filename, children }: { title: string; filename: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const svg = () => box.current?.querySelector("svg") ?? null;
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <figcaption className="text-sm font-semibold text-slate-800">{title}</figcaption>
        <div className="flex gap-2 text-xs">
          <button type="button" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" onClick={() => { const s = svg(); if (s) downloadSvg(s, filename); }}>
            Download SVG
          </button>
          <button type="button" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" onClick={() => { const s = svg(); if (s) void downloadPng(s, filename); }}>
            Download PNG
          </button>
        </div>
      </div>
      <div ref={box}>{children}</div>
    </figure>
  );
}
