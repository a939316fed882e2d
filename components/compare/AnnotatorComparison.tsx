"use client";

import { useRouter } from "next/navigation";
import { Fragment, useEffect, useMemo, useState, useTransition } from "react";
import type { LabelOption } from "@/components/annotator/types";
import { classifySpans, clusterSpans, spansWithDifferingNotes, unanimousSpans } from "@/lib/compare/disagreements";
import { attributesKey, sameNote } from "@/lib/compare/values";
import type { CompareData } from "@/lib/schemas/responses/compare";
import { extendByWord, indexFor, shrinkByWord } from "@/lib/spans";
import { AgreementSummary } from "./AgreementSummary";
import { adjudication, ApiError, type GoldValues } from "./api";
import { DiscussionThread } from "./DiscussionThread";
import { GoldChip } from "./GoldChip";
import { GoldValuesChooser, type Proposal } from "./GoldValuesChooser";
import { kindText, SpanChip } from "./SpanChip";

type Props = { data: CompareData; labels: LabelOption[] };
type Lane = { kind: "annotation"; id: string } | { kind: "gold"; id: string };

export function AnnotatorComparison({ data, labels }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [blind, setBlind] = useState(false);
  const [focusLabel, setFocusLabel] = useState<string | null>(null);
  const [focused, setFocused] = useState<Lane | null>(null);
  const [discussing, setDiscussing] = useState<string | null>(null);
  /** The span (same range and label across annotators) whose differing values the reviewer is choosing. */
  const [choosing, setChoosing] = useState<{ ids: string[]; proposals: Proposal[]; label: string } | null>(null);
  const [incomplete, setIncomplete] = useState<number | null>(null);
  const { article, raters, annotations, gold, agreement, undecided } = data;
  const text = useMemo(() => indexFor(article.body), [article.body]);
  const labelsByKey = useMemo(() => new Map(labels.map((l) => [l.key, l])), [labels]);
  const raterIds = raters.map((r) => r.id);
  const raterName = (id: string) => (blind ? `Annotator ${String.fromCharCode(65 + raterIds.indexOf(id))}` : (raters.find((r) => r.id === id)?.name ?? "?"));

  const compareSpans = annotations.map((a) => ({ id: a.id, rater: a.annotatorId, label: a.label, start: a.start, end: a.end, attributes: a.attributes, note: a.note }));
  const kinds = classifySpans(compareSpans, raterIds);
  const notesDiffer = spansWithDifferingNotes(compareSpans);
  const inGold = new Set(gold.flatMap((g) => g.fromAnnotationIds));
  const agreedPending = unanimousSpans(compareSpans, raterIds).filter((u) => !u.ids.every((id) => inGold.has(id)));
  const shown = focusLabel ? annotations.filter((a) => a.label === focusLabel && kinds.get(a.id) !== "agreed") : annotations;
  const rows = clusterSpans<{ start: number; end: number; ref: Lane }>([
    ...shown.map((a) => ({ start: a.start, end: a.end, ref: { kind: "annotation" as const, id: a.id } })),
    ...gold.filter((g) => !focusLabel || g.label === focusLabel).map((g) => ({ start: g.start, end: g.end, ref: { kind: "gold" as const, id: g.id } })),
  ]);

  const act = (action: () => Promise<unknown>) => {
    setError(null);
    startTransition(async () => {
      try {
        await action();
        router.refresh();
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    });
  };
  /** Everything proposed for this span's range and label: each annotator's values, and gold's if it has the span already. */
  const proposalsFor = (id: string) => {
    const a = annotations.find((x) => x.id === id)!;
    const same = annotations.filter((x) => x.start === a.start && x.end === a.end && x.label === a.label);
    const existing = gold.find((g) => g.start === a.start && g.end === a.end && g.label === a.label);
    const proposals: Proposal[] = [
      ...(existing ? [{ by: "current gold", attributes: existing.attributes, note: existing.note }] : []),
      ...same.map((x) => ({ by: raterName(x.annotatorId), attributes: x.attributes, note: x.note })),
    ];
    return { ids: same.map((x) => x.id), proposals, label: a.label };
  };
  const valuesDiffer = (proposals: Proposal[]) =>
    new Set(proposals.map((p) => attributesKey(p.attributes))).size > 1 || proposals.some((p) => !sameNote(p.note, proposals[0]!.note));
  const acceptWith = (ids: string[], values: GoldValues) => {
    setChoosing(null);
    act(() => adjudication.accept(article.id, ids, values));
  };
  // Values that differ are never taken silently: the reviewer chooses them first.
  const accept = (id: string) => {
    const group = proposalsFor(id);
    if (valuesDiffer(group.proposals)) setChoosing(group);
    else act(() => adjudication.accept(article.id, [id]).catch((e: unknown) => {
      if (e instanceof ApiError && e.code === "ATTRIBUTES_DIFFER") setChoosing(group);
      else throw e;
    }));
  };
  const setStatus = (status: string) => {
    setIncomplete(null);
    act(() => adjudication.setStatus(article.id, status).catch((e: unknown) => {
      if (e instanceof ApiError && e.code === "ADJUDICATION_INCOMPLETE") setIncomplete((e.details as { undecided?: string[] } | null)?.undecided?.length ?? 0);
      throw e;
    }));
  };
  const adjudicateAnyway = () => {
    const reason = window.prompt("Why adjudicate with spans still undecided? (kept in the audit log)");
    if (reason?.trim()) {
      setIncomplete(null);
      act(() => adjudication.setStatus(article.id, "ADJUDICATED", { reason: reason.trim() }));
    }
  };
  const reject = (id: string) => {
    const reason = window.prompt("Why is this span rejected?");
    if (reason?.trim()) act(() => adjudication.reject(id, reason.trim()));
  };
  const moveGold = (id: string, edge: "start" | "end", direction: -1 | 1) => {
    const g = gold.find((x) => x.id === id)!;
    const grows = (edge === "start" && direction === -1) || (edge === "end" && direction === 1);
    const next = (grows ? extendByWord : shrinkByWord)(text, g.start, g.end, edge);
    if (next.start !== g.start || next.end !== g.end) act(() => adjudication.updateGold(id, { version: g.version, ...next, quote: text.slice(next.start, next.end) }));
  };

  // One key to accept the focused span, one to reject it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (focused?.kind !== "annotation" || e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
      if (e.key === "a") accept(focused.id);
      if (e.key === "x") reject(focused.id);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <div className="space-y-6">
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <AgreementSummary agreement={agreement} labels={labelsByKey} raterName={raterName} focus={focusLabel} onFocus={setFocusLabel} />
        {focusLabel && <p className="mt-2 text-sm text-amber-900">Showing only the {labelsByKey.get(focusLabel)?.name ?? focusLabel} spans behind the disagreement. <button type="button" className="underline" onClick={() => setFocusLabel(null)}>Show all</button></p>}
      </section>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" disabled={pending || agreedPending.length === 0} onClick={() => act(() => adjudication.acceptAgreed(article.id))} className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white disabled:bg-slate-300">
          Accept all agreed spans ({agreedPending.length})
        </button>
        <label className="flex items-center gap-2 text-sm">
          Gold status
          <select aria-label="Gold status" value={article.goldStatus} onChange={(e) => setStatus(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1">
            <option value="NONE">Not started</option>
            <option value="IN_PROGRESS">In progress</option>
            <option value="ADJUDICATED">Adjudicated</option>
          </select>
        </label>
        {article.goldStatus === "ADJUDICATED" && article.changedSinceAdjudicationAt && (
          <span className="rounded bg-red-100 px-1.5 py-0.5 text-sm font-medium text-red-900" data-changed-since-adjudication="" title={`First change: ${article.changedSinceAdjudicationAt}`}>
            Changed since adjudication
          </span>
        )}
        <span className="text-sm text-slate-600" data-undecided={undecided.length}>
          {undecided.length === 0 ? "Every span decided" : `${undecided.length} span${undecided.length === 1 ? "" : "s"} undecided`}
        </span>
        {incomplete !== null && (
          <button type="button" onClick={adjudicateAnyway} className="rounded-md border border-red-300 bg-white px-2 py-1 text-sm text-red-800 hover:bg-red-50">
            Adjudicate anyway…
          </button>
        )}
        <label className="flex items-center gap-1.5 text-sm">
          <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} /> Hide annotator names
        </label>
        <span role="status" className="text-sm text-slate-500">{pending ? "Saving…" : ""}</span>
        {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
      </div>
      {raters.length < 2 && <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">Only {raters.length} annotator has worked on this article: there is nothing to compare yet.</p>}
      <div className="overflow-x-auto">
        <table className="w-full table-fixed border-separate border-spacing-0 text-sm" aria-label="Lanes">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="w-72 border-b border-slate-200 py-2 pr-2 font-medium">Text</th>
              {raters.map((r) => (
                <th key={r.id} scope="col" className="border-b border-slate-200 px-2 py-2 font-medium">
                  {raterName(r.id)}
                  {/* In blind mode the values stay hidden too: a rare value would name the rater. */}
                  {!blind && r.profile.length > 0 && (
                    <span className="block font-normal normal-case tracking-normal text-slate-600">{r.profile.map((p) => `${p.field}: ${p.value}`).join(" · ")}</span>
                  )}
                </th>
              ))}
              <th scope="col" className="border-b border-slate-200 px-2 py-2 font-medium">Gold</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const first = row.spans.find((s) => s.ref.kind === "annotation");
              return (
                <Fragment key={`${row.start}-${row.end}`}>
                  <tr className="align-top">
                    <td className="border-b border-slate-100 py-2 pr-2 font-serif text-slate-700">
                      <span className="text-slate-400">…{text.slice(Math.max(0, row.start - 25), row.start)}</span>
                      <mark className="bg-yellow-100">{text.slice(row.start, row.end)}</mark>
                      <span className="text-slate-400">{text.slice(row.end, Math.min(text.length, row.end + 25))}…</span>
                      {first && (
                        <button type="button" className="mt-1 block font-sans text-xs text-slate-500 hover:underline" onClick={() => setDiscussing(discussing === first.ref.id ? null : first.ref.id)}>
                          Discuss
                        </button>
                      )}
                    </td>
                    {raters.map((r) => (
                      <td key={r.id} className="border-b border-slate-100 px-2 py-2" data-lane={raterName(r.id)}>
                        {row.spans.filter((s) => s.ref.kind === "annotation").map((s) => annotations.find((a) => a.id === s.ref.id)!).filter((a) => a.annotatorId === r.id).map((a) => (
                          <SpanChip
                            key={a.id}
                            annotation={a}
                            label={labelsByKey.get(a.label)}
                            kind={kinds.get(a.id) ?? "missing"}
                            notesDiffer={notesDiffer.has(a.id)}
                            showQuote={a.start !== row.start || a.end !== row.end}
                            inGold={inGold.has(a.id)}
                            focused={focused?.id === a.id}
                            onFocus={() => setFocused({ kind: "annotation", id: a.id })}
                            onAccept={() => accept(a.id)}
                            onReject={() => reject(a.id)}
                          />
                        ))}
                      </td>
                    ))}
                    <td className="border-b border-slate-100 px-2 py-2" data-lane="Gold">
                      {row.spans.filter((s) => s.ref.kind === "gold").map((s) => gold.find((g) => g.id === s.ref.id)!).map((g) => (
                        <GoldChip key={g.id} gold={g} labels={labels} onChangeLabel={(key) => act(() => adjudication.updateGold(g.id, { version: g.version, label: key }))} onMoveEdge={(edge, dir) => moveGold(g.id, edge, dir)} onDelete={() => act(() => adjudication.deleteGold(g.id))} />
                      ))}
                    </td>
                  </tr>
                  {choosing && row.spans.some((s) => s.ref.kind === "annotation" && choosing.ids.includes(s.ref.id)) && (
                    <tr>
                      <td colSpan={raters.length + 2} className="border-b border-slate-100 py-2">
                        <GoldValuesChooser label={labelsByKey.get(choosing.label)} proposals={choosing.proposals} onAccept={(values) => acceptWith(choosing.ids, values)} onCancel={() => setChoosing(null)} />
                      </td>
                    </tr>
                  )}
                  {first && discussing === first.ref.id && (
                    <tr>
                      <td colSpan={raters.length + 2} className="border-b border-slate-100 py-2">
                        <DiscussionThread articleId={article.id} annotationId={first.ref.id} onPosted={() => router.refresh()} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-6 text-center text-slate-500">No spans to compare{focusLabel ? " for this label" : ""}.</p>}
      </div>
      <p className="text-xs text-slate-500">
        Kinds: {Object.values(kindText).join(" · ")}. Keys: focus a span, then <kbd>a</kbd> accepts it into gold, <kbd>x</kbd> rejects it.
      </p>
    </div>
  );
}
