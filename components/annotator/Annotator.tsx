"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { layoutParagraphs } from "@/lib/annotations/layout";
import { can } from "@/lib/auth/policy";
import { PAGE_BACKGROUND, underlineStyleOf } from "@/lib/labels/appearance";
import { readableOn } from "@/lib/labels/contrast";
import { assignLanes, extendByWord, indexFor, shrinkByWord, snapToWords, trimWhitespace, wholeGraphemes, type CodePointRange } from "@/lib/spans";
import { AnnotatedText } from "./AnnotatedText";
import { AnnotationDetails } from "./AnnotationDetails";
import { AnnotationList } from "./AnnotationList";
import { SubmittedBanner, UnsentWorkPanel } from "./FinalLayer";
import { annotationApi } from "./api";
import { HistoryControls } from "./HistoryControls";
import { LabelPicker } from "./LabelPicker";
import { LayerSwitcher } from "./LayerSwitcher";
import { RecentlyDeleted } from "./RecentlyDeleted";
import { SaveStatus } from "./SaveStatus";
import { flashAnnotation, selectedRange } from "./selection";
import { ShortcutSheet } from "./ShortcutSheet";
import { SpanChooser } from "./SpanChooser";
import { useSubmission } from "./submission";
import type { AnnotationView, Annotator as AnnotatorUser, LabelOption, Layer, ShownAnnotation } from "./types";
import { useAnnotations } from "./useAnnotations";
import { useAnnotatorKeys } from "./useAnnotatorKeys";
import { useFlagPreference } from "./usePreference";

type Props = {
  articleId: string;
  body: string;
  labels: LabelOption[];
  initial: AnnotationView[];
  actor: { id: string; name: string; role: "ANALYST" | "REVIEWER" | "ADMIN" };
  annotators: AnnotatorUser[];
  /** Outlet-blind (decision 0025): where the server replaced the outlet's self-references in `body`, one █ per character. */
  outletMasks?: CodePointRange[];
};

const inTextOrder = (a: ShownAnnotation, b: ShownAnnotation) => a.start - b.start || b.end - a.end || a.createdAt.localeCompare(b.createdAt);

export function Annotator({ articleId, body, labels: labelRows, initial, actor, annotators, outletMasks = [] }: Props) {
  const textRef = useRef<HTMLDivElement>(null);
  const detailsRef = useRef<HTMLElement>(null);
  const labels = useMemo(() => labelRows.map((l, i) => ({ ...l, underline: underlineStyleOf(i), textColor: readableOn(l.color, PAGE_BACKGROUND) })), [labelRows]);
  const text = useMemo(() => indexFor(body), [body]);
  const paragraphs = useMemo(() => layoutParagraphs(body), [body]);
  const labelsByKey = useMemo(() => new Map(labels.map((l) => [l.key, l])), [labels]);
  // Retired labels still draw their spans (labelsByKey) but take no new ones.
  const offered = useMemo(() => labels.filter((l) => !l.retired), [labels]);
  const router = useRouter();
  const submission = useSubmission();
  // Submitted by an analyst: their layer is final, so the annotator only reads (and shows others' layers).
  const final = submission.final;
  const frozen = final || submission.submitting;
  const names = useMemo(
    () => ({
      label: (key: string) => labelsByKey.get(key)?.name ?? key,
      attribute: (labelKey: string, key: string) => labelsByKey.get(labelKey)?.attributes.find((f) => f.key === key)?.name ?? key,
    }),
    [labelsByKey],
  );
  const { setStatus } = submission;
  const onFinal = useCallback(() => {
    setStatus("SUBMITTED");
    router.refresh(); // the other annotators, whose layers the person may now read
  }, [setStatus, router]);
  const store = useAnnotations(articleId, initial, { final, onFinal, names });
  const [layer, setLayer] = useState<Layer>({ kind: "me" });
  const [layerError, setLayerError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [hiddenLabels, setHiddenLabels] = useState<Set<string>>(new Set());
  const [snap, setSnap] = useFlagPreference("slant:snap-to-words");
  const [picker, setPicker] = useState<(CodePointRange & { rect: DOMRect }) | null>(null);
  const [chooser, setChooser] = useState<{ ids: string[]; at: { x: number; y: number } } | null>(null);
  const [showShortcuts, setShowShortcuts] = useState(false);
  // Set when an annotation is opened: once rendered, its text is scrolled to and its details take
  // keyboard focus, so Delete has a visible target.
  const [opened, setOpened] = useState<{ id: string } | null>(null);

  const sorted = useMemo(() => [...store.items].sort(inTextOrder), [store.items]);
  const visible = useMemo(() => sorted.filter((a) => !hiddenLabels.has(a.label)), [sorted, hiddenLabels]);
  const lanes = useMemo(() => assignLanes(visible), [visible]);
  const selected = store.items.find((a) => a.id === selectedId) ?? null;
  const canEdit = (a: ShownAnnotation) => !frozen && can(actor, "annotation:update", { annotatorId: a.annotator.id });
  const canCreate = !frozen && (layer.kind !== "user" || layer.userId === actor.id);
  const mayReadOthers = can(actor, "others-work:read", submission.status);

  const select = useCallback((id: string | null) => {
    setSelectedId(id);
    setChooser(null);
    if (id) setOpened({ id });
  }, []);

  // In the same commit as the click that opened it, so a key pressed next cannot land anywhere else;
  // and after the page has grown room for the details sheet on small screens, so the text can scroll above it.
  useLayoutEffect(() => {
    if (!opened) return;
    detailsRef.current?.focus({ preventScroll: true });
    if (textRef.current) flashAnnotation(textRef.current, opened.id);
  }, [opened]);

  /** The DOM selection inside the article as a span to tag: trimmed, whole characters, snapped if asked. */
  const currentSelection = useCallback((): (CodePointRange & { rect: DOMRect }) | null => {
    const root = textRef.current;
    const raw = root && canCreate ? selectedRange(root, text.length) : null;
    const trimmed = raw && trimWhitespace(text, raw.start, raw.end);
    if (!raw || !trimmed) return null;
    const range = snap ? snapToWords(text, trimmed.start, trimmed.end) : wholeGraphemes(text, trimmed.start, trimmed.end);
    return { ...range, rect: raw.rect };
  }, [text, snap, canCreate]);

  const readSelection = useCallback(() => setPicker(currentSelection()), [currentSelection]);

  // Marks the text as interactive once hydrated: tests and benchmarks wait for it.
  useEffect(() => textRef.current?.setAttribute("data-ready", "true"), []);

  // Evidence links (#annotation-<id>) open the article on that highlight, in whichever layer holds it.
  useEffect(() => {
    const id = /^#annotation-([0-9a-f-]{36})$/.exec(window.location.hash)?.[1];
    if (!id) return;
    if (initial.some((a) => a.id === id)) requestAnimationFrame(() => select(id));
    else if (mayReadOthers) void switchLayer({ kind: "all" }).then(() => setTimeout(() => select(id), 0));
    // Only on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const onChange = () => {
      if (window.getSelection()?.isCollapsed) setPicker(null);
    };
    // Shift+arrows extend the selection without focusing the text: listen on the document.
    const onKeyUp = (e: KeyboardEvent) => e.shiftKey && e.key.startsWith("Arrow") && readSelection();
    document.addEventListener("selectionchange", onChange);
    document.addEventListener("keyup", onKeyUp);
    return () => {
      document.removeEventListener("selectionchange", onChange);
      document.removeEventListener("keyup", onKeyUp);
    };
  }, [readSelection]);

  /** Tags the selection; a key pressed right after the mouse is released still finds it. */
  const tag = useCallback(
    (labelKey: string): boolean => {
      if (!canCreate) return false; // a selection made before the layer turned final tags nothing
      const range = picker ?? currentSelection();
      if (!range) return false;
      store.create({ label: labelKey, start: range.start, end: range.end, quote: text.slice(range.start, range.end) }, actor);
      window.getSelection()?.removeAllRanges();
      setPicker(null);
      return true;
    },
    [canCreate, picker, currentSelection, text, store, actor],
  );

  const moveEdge = useCallback(
    (edge: "start" | "end", direction: -1 | 1) => {
      if (!selected || !canEdit(selected)) return;
      const grows = (edge === "start" && direction === -1) || (edge === "end" && direction === 1);
      const next = (grows ? extendByWord : shrinkByWord)(text, selected.start, selected.end, edge);
      if (next.start === selected.start && next.end === selected.end) return;
      store.update(selected, { ...next, quote: text.slice(next.start, next.end) });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selected, text, store],
  );

  const remove = useCallback(
    (annotation: ShownAnnotation | undefined) => {
      if (!annotation || !canEdit(annotation)) return;
      if (annotation.id === selectedId) setSelectedId(null);
      store.remove(annotation);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selectedId, store],
  );

  const step = useCallback(
    (direction: 1 | -1) => {
      if (visible.length === 0) return;
      const index = visible.findIndex((a) => a.id === selectedId);
      const next = index === -1 ? (direction === 1 ? 0 : visible.length - 1) : (index + direction + visible.length) % visible.length;
      select(visible[next]!.id);
    },
    [visible, selectedId, select],
  );

  useAnnotatorKeys({
    labels,
    onTag: tag,
    onStep: step,
    onDelete: (id) => remove(store.items.find((a) => a.id === id)),
    onMoveEdge: moveEdge,
    onUndo: store.undo,
    onRedo: store.redo,
    onToggleShortcuts: () => setShowShortcuts((s) => !s),
    onEscape: () => {
      setPicker(null);
      setChooser(null);
      setShowShortcuts(false);
      setSelectedId(null);
      window.getSelection()?.removeAllRanges();
    },
  });

  async function switchLayer(next: Layer) {
    setLayer(next);
    setLayerError(null);
    setSelectedId(null);
    try {
      store.replaceAll(await annotationApi.list(articleId, next.kind === "user" ? next.userId : next.kind));
    } catch (e) {
      setLayerError(e instanceof Error ? e.message : String(e));
    }
  }

  const onRunClick = useCallback(
    (ids: string[], event: MouseEvent) => {
      if (!window.getSelection()?.isCollapsed) return; // the end of a drag, not a click
      if (ids.length === 1) select(ids[0]!);
      else setChooser({ ids, at: { x: event.clientX, y: event.clientY } });
    },
    [select],
  );

  const firstConflict = store.items.find((a) => a.pending === "conflict");
  const unsaved = store.items.some((a) => a.pending !== undefined) || store.unsent.length > 0;

  // "Mark as done" first saves what is typed: leaving the field commits it, then every write is awaited.
  const { registerFlush } = submission;
  const flushStore = store.flush;
  useEffect(() => {
    registerFlush(() => {
      const active = document.activeElement;
      if (active instanceof HTMLElement && detailsRef.current?.contains(active)) active.blur();
      return flushStore();
    });
    return () => registerFlush(null);
  }, [registerFlush, flushStore]);

  // Leaving with changes not yet stored (saving, failed or in conflict) asks first.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  return (
    <div className={`grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_20rem] ${selected ? "pb-[55vh] lg:pb-0" : ""}`}>
      <div className="min-w-0">
        {final && <SubmittedBanner />}
        <UnsentWorkPanel work={store.unsent} onDismiss={store.dismissUnsent} />
        <div className="sticky top-0 z-20 -mx-2 mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-slate-50/95 px-2 py-2 backdrop-blur">
          <SaveStatus
            annotations={store.items}
            onRetryAll={() => store.items.filter((a) => a.pending === "failed").forEach(store.retry)}
            onShowConflict={firstConflict ? () => select(firstConflict.id) : undefined}
          />
          {final ? (
            <p className="text-sm font-medium text-slate-700">Read only</p>
          ) : (
            <>
              <HistoryControls canUndo={store.canUndo} canRedo={store.canRedo} notice={store.notice} onUndo={store.undo} onRedo={store.redo} />
              <label className="flex items-center gap-1.5 text-sm text-slate-700">
                <input type="checkbox" checked={snap} onChange={(e) => setSnap(e.target.checked)} />
                Snap to words
              </label>
            </>
          )}
          {mayReadOthers && <LayerSwitcher layer={layer} annotators={annotators} onChange={(l) => void switchLayer(l)} />}
          <button type="button" onClick={() => setShowShortcuts(true)} className="ml-auto text-sm text-slate-700 hover:text-slate-900" aria-label="Keyboard shortcuts">
            <kbd className="rounded border border-slate-300 px-1.5 text-xs">?</kbd> Shortcuts
          </button>
        </div>
        {layerError && <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">Could not load that layer: {layerError}</p>}
        {outletMasks.length > 0 && (
          <p className="mb-3 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
            This campaign is outlet-blind: {outletMasks.length === 1 ? "one place where the text names its outlet is" : `${outletMasks.length} places where the text names its outlet are`} shown as ███. You can still select across them.
          </p>
        )}
        <div
          ref={textRef}
          data-testid="article-body"
          className="space-y-5 font-serif text-lg leading-[2.1] break-words text-slate-800 selection:bg-sky-200"
          onMouseUp={() => requestAnimationFrame(readSelection)}
        >
          <AnnotatedText paragraphs={paragraphs} annotations={visible} labels={labelsByKey} lanes={lanes} selectedId={selectedId} onRunClick={onRunClick} />
        </div>
      </div>
      <aside className="min-w-0 space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        {selected && (
          // Below the large layout the details are a sheet at the bottom of the screen: they open where the person is reading.
          <div className="fixed inset-x-0 bottom-0 z-30 max-h-[55vh] overflow-y-auto p-2 shadow-[0_-4px_12px_rgba(15,23,42,0.15)] lg:static lg:max-h-none lg:overflow-visible lg:p-0 lg:shadow-none">
            <AnnotationDetails
              key={selected.id}
              ref={detailsRef}
              annotation={selected}
              labels={labels}
              editable={canEdit(selected)}
              onChange={(change, group) => store.update(selected, change, group)}
              onMoveEdge={moveEdge}
              onDelete={() => remove(selected)}
              onRetry={() => store.retry(selected)}
              onResolve={(choice) => store.resolveConflict(selected, choice)}
              onClose={() => setSelectedId(null)}
            />
          </div>
        )}
        <AnnotationList
          annotations={sorted}
          labels={labels}
          hiddenLabels={hiddenLabels}
          onToggleLabel={(key) => setHiddenLabels((h) => new Set(h.has(key) ? [...h].filter((k) => k !== key) : [...h, key]))}
          selectedId={selectedId}
          onSelect={select}
          showAnnotator={layer.kind !== "me"}
        />
        {!final && <RecentlyDeleted articleId={articleId} labels={labelsByKey} refresh={store.deletedTick} onRestore={store.restore} />}
      </aside>
      {picker && canCreate && <LabelPicker labels={offered} rect={picker.rect} onPick={tag} />}
      {chooser && (
        <SpanChooser at={chooser.at} annotations={chooser.ids.flatMap((id) => store.items.find((a) => a.id === id) ?? [])} labels={labelsByKey} onChoose={select} onClose={() => setChooser(null)} />
      )}
      {showShortcuts && <ShortcutSheet labels={offered} onClose={() => setShowShortcuts(false)} />}
    </div>
  );
}
