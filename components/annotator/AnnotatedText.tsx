"use client";

import { memo, useMemo, type CSSProperties, type MouseEvent, type ReactNode } from "react";
import { MASK_CHAR } from "@/lib/campaigns/outlet-blind";
import { codePointLength } from "@/lib/spans";
import { HIGHLIGHT_ALPHA } from "@/lib/labels/appearance";
import { segmentParagraph, spansByParagraph, type Paragraph } from "@/lib/annotations/layout";
import type { LabelOption, ShownAnnotation } from "./types";

const LANE_PX = 3;
// The opacities the contrast test checks (lib/labels/appearance.ts), as #rrggbbaa suffixes.
const alphaHex = (alpha: number) => Math.round(alpha * 255).toString(16).padStart(2, "0");
const SELECTED_ALPHA = alphaHex(HIGHLIGHT_ALPHA.selected);
const REST_ALPHA = alphaHex(HIGHLIGHT_ALPHA.rest);

type Props = {
  paragraphs: Paragraph[];
  annotations: ShownAnnotation[];
  labels: Map<string, LabelOption>;
  lanes: Map<string, number>;
  selectedId: string | null;
  onRunClick: (ids: string[], event: MouseEvent) => void;
};

/** The article, each paragraph re-rendered only when its own annotations change. */
export function AnnotatedText({ paragraphs, annotations, labels, lanes, selectedId, onRunClick }: Props) {
  const byParagraph = useMemo(() => internByParagraph(paragraphs, spansByParagraph(paragraphs, annotations)), [paragraphs, annotations]);
  return (
    <>
      {paragraphs.map((p) => {
        const spans = byParagraph.get(p.index) ?? NONE;
        const selectedHere = selectedId !== null && spans.some((s) => s.id === selectedId) ? selectedId : null;
        return <ParagraphText key={p.index} paragraph={p} spans={spans} labels={labels} lanes={lanes} selectedId={selectedHere} onRunClick={onRunClick} />;
      })}
    </>
  );
}

const NONE: ShownAnnotation[] = [];

// The last arrays handed to each paragraph of an article: a paragraph whose
// annotations did not change gets the very same array back, so its memo holds
// and adding one annotation repaints one paragraph, not thousands.
const lastByArticle = new WeakMap<Paragraph[], Map<number, ShownAnnotation[]>>();

function internByParagraph(paragraphs: Paragraph[], next: Map<number, ShownAnnotation[]>) {
  const before = lastByArticle.get(paragraphs);
  for (const [index, spans] of next) {
    const old = before?.get(index);
    if (old && old.length === spans.length && old.every((s, i) => s === spans[i])) next.set(index, old);
  }
  lastByArticle.set(paragraphs, next);
  return next;
}

type ParagraphProps = Omit<Props, "paragraphs" | "annotations"> & { paragraph: Paragraph; spans: ShownAnnotation[] };

const sameLanes = (spans: ShownAnnotation[], a: Map<string, number>, b: Map<string, number>) => a === b || spans.every((s) => a.get(s.id) === b.get(s.id));

const ParagraphText = memo(function ParagraphText({ paragraph, spans, labels, lanes, selectedId, onRunClick }: ParagraphProps) {
  const byId = new Map(spans.map((s) => [s.id, s]));
  return (
    <p className="whitespace-pre-line" data-paragraph={paragraph.index}>
      {segmentParagraph(paragraph, spans).map((run) =>
        run.ids.length === 0 ? (
          <span key={run.start} data-cp={run.start} data-cp-end={run.end}>
            {withMasks(run.text, run.start)}
          </span>
        ) : (
          <span
            key={run.start}
            data-cp={run.start}
            data-cp-end={run.end}
            data-ids={run.ids.join(" ")}
            data-labels={run.ids.map((id) => byId.get(id)?.label).join(" ")}
            title={run.ids.map((id) => labels.get(byId.get(id)?.label ?? "")?.name ?? byId.get(id)?.label).join(" · ")}
            className={`cursor-pointer rounded-[2px] ${run.ids.some((id) => byId.get(id)?.pending === "failed") ? "annotation-failed" : ""}`}
            style={runStyle(run.ids, byId, labels, lanes, selectedId)}
            onClick={(event) => onRunClick(run.ids, event)}
          >
            {withMasks(run.text, run.start)}
          </span>
        ),
      )}
    </p>
  );
}, (a, b) => a.paragraph === b.paragraph && a.spans === b.spans && a.labels === b.labels && a.selectedId === b.selectedId && a.onRunClick === b.onRunClick && sameLanes(b.spans, a.lanes, b.lanes));

const MASK_RUN = new RegExp(`(${MASK_CHAR}+)`, "u");

/**
 * Outlet-blind text (decision 0025): each run of █ the server put where the outlet names itself is
 * announced as "outlet name hidden" rather than read out character by character. Every piece keeps
 * its own code-point range, so selections across it map to the stored offsets as before.
 */
function withMasks(text: string, start: number): ReactNode {
  if (!text.includes(MASK_CHAR)) return text;
  let at = start;
  return text.split(MASK_RUN).flatMap((piece) => {
    if (!piece) return [];
    const from = at;
    at += codePointLength(piece);
    return piece.startsWith(MASK_CHAR)
      ? [<span key={from} data-cp={from} data-cp-end={at} role="img" aria-label="outlet name hidden" className="text-slate-600">{piece}</span>]
      : [<span key={from} data-cp={from} data-cp-end={at}>{piece}</span>];
  });
}

function runStyle(ids: string[], byId: Map<string, ShownAnnotation>, labels: Map<string, LabelOption>, lanes: Map<string, number>, selectedId: string | null): CSSProperties {
  const colorOf = (id: string) => labels.get(byId.get(id)?.label ?? "")?.color ?? "#64748b";
  const innermost = ids[ids.length - 1]!;
  const shown = labels.get(byId.get(selectedId !== null && ids.includes(selectedId) ? selectedId : innermost)?.label ?? "");
  const selected = selectedId !== null && ids.includes(selectedId);
  // Bands stack in lane order; a run draws only its own spans, so the depth stays small.
  const layered = ids.map((id) => ({ lane: lanes.get(id) ?? 0, color: colorOf(id) })).sort((a, b) => a.lane - b.lane);
  return {
    backgroundColor: `${colorOf(selected ? selectedId : innermost)}${selected ? SELECTED_ALPHA : REST_ALPHA}`,
    boxShadow: layered.map((l, depth) => `inset 0 -${(depth + 1) * LANE_PX}px 0 0 ${l.color}`).join(", "),
    paddingBottom: layered.length * LANE_PX,
    opacity: ids.some((id) => byId.get(id)?.pending === "saving") ? 0.75 : 1,
    // Not by colour alone: each label underlines in its own style (solid, double, wavy…).
    textDecorationLine: "underline",
    textDecorationStyle: shown?.underline ?? "solid",
    textDecorationColor: shown?.textColor ?? shown?.color ?? "#64748b",
    textDecorationThickness: "1.5px",
    textUnderlineOffset: "0.2em",
  };
}
