"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { emptyHistory, record, redo as redoStep, undo as undoStep, type History } from "@/lib/annotations/history";
import { keepUnsent, unsentCreate, unsentUpdate, type UnsentWork } from "@/lib/annotations/unsent";
import { annotationApi, ApiError, isSubmittedIsFinal, type AnnotationChange, type NewAnnotation } from "./api";
import type { AnnotationView, Change, ShownAnnotation } from "./types";
import { messageOf } from "@/lib/client/api";

/** What still has to reach the server for an annotation after a failure: retry re-sends it. */
type FailedOp = { kind: "create"; input: NewAnnotation } | { kind: "update" } | { kind: "delete" };

/**
 * One step of the session's undo history. `ref` follows a span created in
 * this tab from its temporary id to the id the server gave it.
 */
export type Step =
  | { kind: "appear"; ref: { id: string }; what: string } // created or restored: undo deletes it
  | { kind: "delete"; id: string; what: string } // undo restores it
  | { kind: "update"; id: string; before: Change; after: Change; what: string; group?: string | undefined };

let tempCounter = 0;
const short = (quote: string) => `“${quote.length > 40 ? `${quote.slice(0, 40)}…` : quote}”`;
const mergeChanges = (changes: Change[]): Change => Object.assign({}, ...changes) as Change;

/** Autosaves of one field in one sitting undo as one step. */
const sameSitting = (newest: Step, step: Step): Step | null =>
  newest.kind === "update" && step.kind === "update" && step.group !== undefined && newest.group === step.group && newest.id === step.id
    ? { ...newest, after: { ...newest.after, ...step.after } }
    : null;

type Options = {
  /** The person's layer no longer changes (they submitted; docs/decisions/0007-blind-reads.md): every write is refused. */
  final: boolean;
  /** The server refused a write because the layer became final meanwhile (another tab submitted). */
  onFinal: () => void;
  /** How refused work is described to the person. */
  names: Parameters<typeof unsentUpdate>[2];
};

/**
 * The annotations on screen and every write to the server. Writes to one
 * annotation go one after another, each with the version the previous one
 * returned, so a person's own quick edits never collide; a version changed
 * elsewhere stops them as a conflict the person resolves, never written blind.
 * Once the layer is final, what could not be stored is kept as `unsent` text
 * for the person to copy, never dropped.
 */
export function useAnnotations(articleId: string, initial: AnnotationView[], options: Options) {
  const [items, setItems] = useState<ShownAnnotation[]>(initial);
  const [history, setHistory] = useState<History<Step>>(emptyHistory);
  const [notice, setNotice] = useState<string | null>(null);
  const [deletedTick, setDeletedTick] = useState(0);
  const historyRef = useRef(history);
  const serverVersion = useRef(new Map(initial.map((a) => [a.id, a.version])));
  const chains = useRef(new Map<string, Promise<void>>());
  const queued = useRef(new Map<string, Change[]>());
  const blocked = useRef(new Map<string, "failed" | "conflict">());
  const failedOps = useRef(new Map<string, FailedOp>());
  const aliases = useRef(new Map<string, string>());
  // The last stored version of each annotation: what a refused edit falls back to.
  const stored = useRef(new Map(initial.map((a) => [a.id, a])));
  // Every write on its way, so that "Mark as done" can wait for them.
  const inflight = useRef(new Set<Promise<unknown>>());
  const [unsent, setUnsent] = useState<UnsentWork[]>([]);
  const finalRef = useRef(options.final);
  const optionsRef = useRef(options);
  const itemsRef = useRef(items);
  useEffect(() => {
    optionsRef.current = options;
    itemsRef.current = items;
    if (options.final) finalRef.current = true;
  });

  const resolve = (id: string) => aliases.current.get(id) ?? id;
  const setHistoryBoth = useCallback((next: History<Step>) => {
    historyRef.current = next;
    setHistory(next);
  }, []);
  const remember = useCallback((step: Step) => setHistoryBoth(record(historyRef.current, step, sameSitting)), [setHistoryBoth]);

  const patch = useCallback((id: string, next: (a: ShownAnnotation) => ShownAnnotation | null) => {
    setItems((list) => list.flatMap((a) => (a.id === id ? (next(a) ?? []) : [a])));
  }, []);
  const track = useCallback(<T,>(write: Promise<T>) => {
    inflight.current.add(write);
    const done = () => void inflight.current.delete(write);
    write.then(done, done);
    return write;
  }, []);
  const enqueue = useCallback(
    (id: string, task: () => Promise<void>) => {
      const next = (chains.current.get(id) ?? Promise.resolve()).then(task, task);
      chains.current.set(id, next);
      return track(next);
    },
    [track],
  );
  const keep = useCallback((work: UnsentWork[]) => {
    if (work.length > 0) setUnsent((kept) => keepUnsent(kept, work));
  }, []);

  /** Keeps an edit the server will not store as text to copy, and shows the stored version again. */
  const refuseUpdate = useCallback(
    (id: string, change: Change) => {
      const waiting = queued.current.get(id) ?? [];
      if (!waiting.includes(change)) return; // already kept with the edits queued before it
      queued.current.set(id, []);
      const base = stored.current.get(id);
      if (base) keep(unsentUpdate(base, mergeChanges(waiting), optionsRef.current.names));
      if (base) patch(id, () => base);
    },
    [keep, patch],
  );

  /**
   * The layer became final while writes were pending: what is failed or in
   * conflict can no longer be stored either, so it joins the unsent work.
   */
  const learnFinal = useCallback(() => {
    if (finalRef.current) return;
    finalRef.current = true;
    for (const a of itemsRef.current) {
      const state = blocked.current.get(a.id);
      const op = failedOps.current.get(a.id);
      const base = stored.current.get(a.id);
      if (state === "conflict" && a.conflict) keep(unsentUpdate(a.conflict.theirs, a.conflict.mine, optionsRef.current.names));
      else if (op?.kind === "create") keep(unsentCreate({ id: a.id, quote: op.input.quote, label: op.input.label }, op.input, optionsRef.current.names));
      else if (op?.kind === "update" && base) keep(unsentUpdate(base, mergeChanges(queued.current.get(a.id) ?? []), optionsRef.current.names));
      if (!state) continue;
      blocked.current.delete(a.id);
      failedOps.current.delete(a.id);
      queued.current.set(a.id, []);
      patch(a.id, () => (op?.kind === "create" ? null : (a.conflict?.theirs ?? base ?? { ...a, pending: undefined, error: undefined })));
    }
    optionsRef.current.onFinal();
  }, [keep, patch]);
  const fail = useCallback(
    (id: string, op: FailedOp, error: unknown) => {
      blocked.current.set(id, "failed");
      failedOps.current.set(id, op);
      patch(id, (a) => ({ ...a, pending: "failed", error: messageOf(error) }));
    },
    [patch],
  );

  /** Sends the oldest queued change of an annotation, unless an earlier failure or conflict holds the queue. */
  const sendUpdate = useCallback(
    async (id: string, change: Change) => {
      if (blocked.current.has(id)) return; // kept in the queue: retry or the conflict resolution sends it
      if (finalRef.current) return refuseUpdate(id, change);
      const version = serverVersion.current.get(id) ?? 0;
      try {
        const saved = await annotationApi.update(id, { ...change, version } as AnnotationChange);
        serverVersion.current.set(id, saved.version);
        stored.current.set(id, saved);
        const rest = (queued.current.get(id) ?? []).filter((c) => c !== change);
        queued.current.set(id, rest);
        patch(id, () => (rest.length > 0 ? { ...saved, ...mergeChanges(rest), pending: "saving" } : saved));
      } catch (error) {
        const current = error instanceof ApiError && error.status === 409 ? (error.details as { current?: AnnotationView } | null)?.current : undefined;
        if (isSubmittedIsFinal(error)) {
          refuseUpdate(id, change);
          learnFinal();
        } else if (current) {
          const mine = mergeChanges(queued.current.get(id) ?? [change]);
          queued.current.set(id, []);
          blocked.current.set(id, "conflict");
          serverVersion.current.set(id, current.version);
          patch(id, () => ({ ...current, pending: "conflict", error: error instanceof Error ? error.message : "", conflict: { theirs: current, mine } }));
        } else {
          fail(id, { kind: "update" }, error);
        }
      }
    },
    [patch, fail, refuseUpdate, learnFinal],
  );

  const applyUpdate = useCallback(
    (id: string, change: Change) => {
      queued.current.set(id, [...(queued.current.get(id) ?? []), change]);
      patch(id, (a) => ({ ...a, ...change, pending: blocked.current.has(id) ? a.pending : "saving" }));
      return enqueue(id, () => sendUpdate(id, change));
    },
    [patch, enqueue, sendUpdate],
  );

  const applyDelete = useCallback(
    (id: string) =>
      enqueue(id, async () => {
        patch(id, (a) => ({ ...a, pending: "saving", error: undefined }));
        try {
          await annotationApi.remove(id).catch((error: unknown) => {
            if (!(error instanceof ApiError && error.status === 404)) throw error; // already deleted (another tab): done
          });
          failedOps.current.delete(id);
          blocked.current.delete(id);
          patch(id, () => null);
          setDeletedTick((t) => t + 1);
        } catch (error) {
          if (isSubmittedIsFinal(error)) {
            patch(id, (a) => ({ ...a, pending: undefined, error: undefined })); // still there, as stored
            setNotice("Not deleted: you submitted this article, and your layer is final.");
            learnFinal();
          } else {
            fail(id, { kind: "delete" }, error);
          }
        }
      }),
    [enqueue, patch, fail, learnFinal],
  );

  const applyRestore = useCallback(
    (id: string) =>
      enqueue(id, async () => {
        try {
          const restored = await annotationApi.restore(id);
          serverVersion.current.set(id, restored.version);
          stored.current.set(id, restored);
          failedOps.current.delete(id);
          blocked.current.delete(id);
          setItems((list) => (list.some((a) => a.id === id) ? list.map((a) => (a.id === id ? restored : a)) : [...list, restored]));
          setDeletedTick((t) => t + 1);
        } catch (error) {
          setNotice(`Could not restore: ${messageOf(error)}`);
          if (isSubmittedIsFinal(error)) learnFinal();
          throw error;
        }
      }),
    [enqueue, learnFinal],
  );

  const sendCreate = useCallback(
    async (tempId: string, input: NewAnnotation) => {
      patch(tempId, (a) => ({ ...a, pending: "saving", error: undefined }));
      try {
        const saved = await annotationApi.create(articleId, input);
        aliases.current.set(tempId, saved.id);
        serverVersion.current.set(saved.id, saved.version);
        stored.current.set(saved.id, saved);
        failedOps.current.delete(tempId);
        blocked.current.delete(tempId);
        patch(tempId, () => saved);
      } catch (error) {
        if (isSubmittedIsFinal(error)) {
          keep(unsentCreate({ id: tempId, quote: input.quote, label: input.label }, input, optionsRef.current.names));
          patch(tempId, () => null);
          learnFinal();
        } else {
          fail(tempId, { kind: "create", input }, error);
        }
      }
    },
    [articleId, patch, fail, keep, learnFinal],
  );

  const create = useCallback(
    (input: NewAnnotation, annotator: { id: string; name: string }) => {
      const id = `pending-${++tempCounter}`;
      if (finalRef.current) {
        keep(unsentCreate({ id, quote: input.quote, label: input.label }, input, optionsRef.current.names));
        return id;
      }
      const now = new Date().toISOString();
      const draft: ShownAnnotation = {
        id, label: input.label, start: input.start, end: input.end, quote: input.quote, prefix: "", suffix: "",
        note: input.note ?? null, attributes: input.attributes ?? {}, annotator, version: 0, guidelineVersion: null, createdAt: now, updatedAt: now, pending: "saving",
      };
      setItems((list) => [...list, draft]);
      remember({ kind: "appear", ref: { id }, what: `tagging ${short(input.quote)}` });
      void track(sendCreate(id, input));
      return id;
    },
    [sendCreate, remember, track, keep],
  );

  /** An edit by the person: shown at once, saved in order, undoable. `group` folds one field's autosaves into one undo step. */
  const update = useCallback(
    (annotation: ShownAnnotation, change: Change, group?: string) => {
      if (annotation.id.startsWith("pending-") || annotation.pending === "conflict") return; // edit once saved / once resolved
      if (finalRef.current) {
        // A field left after the layer became final: what was typed is kept to copy, not sent.
        const base = stored.current.get(annotation.id) ?? annotation;
        return keep(unsentUpdate(base, change, optionsRef.current.names));
      }
      const before = Object.fromEntries(Object.keys(change).map((key) => [key, annotation[key as keyof Change] ?? null])) as Change;
      if ("label" in change) Object.assign(before, { attributes: annotation.attributes });
      remember({ kind: "update", id: annotation.id, before, after: change, what: `the edit of ${short(annotation.quote)}`, group });
      void applyUpdate(annotation.id, change);
    },
    [applyUpdate, remember, keep],
  );

  const remove = useCallback(
    (annotation: ShownAnnotation) => {
      if (finalRef.current) return;
      if (annotation.id.startsWith("pending-")) {
        if (annotation.pending !== "failed") return; // still on its way: delete once it is stored
        failedOps.current.delete(annotation.id);
        patch(annotation.id, () => null); // never reached the server: discarding loses nothing stored
        return;
      }
      remember({ kind: "delete", id: annotation.id, what: `deleting ${short(annotation.quote)}` });
      setNotice(`Deleted ${short(annotation.quote)}. Undo with u or Ctrl+Z, or restore it from Recently deleted.`);
      void applyDelete(annotation.id);
    },
    [patch, applyDelete, remember],
  );

  /** Brings back one of the person's deleted annotations (from "Recently deleted"), as an undoable step. */
  const restore = useCallback(
    async (annotation: AnnotationView) => {
      if (finalRef.current) return;
      await applyRestore(annotation.id);
      remember({ kind: "appear", ref: { id: annotation.id }, what: `restoring ${short(annotation.quote)}` });
      setNotice(`Restored ${short(annotation.quote)}.`);
    },
    [applyRestore, remember],
  );

  const perform = useCallback(
    (step: Step, direction: "undo" | "redo") => {
      if (step.kind === "update") {
        const id = resolve(step.id);
        if (blocked.current.get(id) === "conflict") return false;
        void applyUpdate(id, direction === "undo" ? step.before : step.after);
      } else if ((step.kind === "appear") === (direction === "undo")) {
        const id = resolve(step.kind === "appear" ? step.ref.id : step.id);
        if (id.startsWith("pending-")) return false;
        void applyDelete(id);
      } else {
        void applyRestore(resolve(step.kind === "appear" ? step.ref.id : step.id)).catch(() => {});
      }
      return true;
    },
    [applyUpdate, applyDelete, applyRestore],
  );

  const undo = useCallback(() => {
    if (finalRef.current) return;
    const step = undoStep(historyRef.current);
    if (!step) return setNotice("Nothing to undo.");
    if (!perform(step.entry, "undo")) return setNotice(`Cannot undo ${step.entry.what} yet: it is still on its way to the server or has a conflict to resolve.`);
    setHistoryBoth(step.history);
    setNotice(`Undone: ${step.entry.what}.`);
  }, [perform, setHistoryBoth]);

  const redo = useCallback(() => {
    if (finalRef.current) return;
    const step = redoStep(historyRef.current);
    if (!step) return setNotice("Nothing to redo.");
    if (!perform(step.entry, "redo")) return setNotice(`Cannot redo ${step.entry.what} yet.`);
    setHistoryBoth(step.history);
    setNotice(`Redone: ${step.entry.what}.`);
  }, [perform, setHistoryBoth]);

  /** After a 409: keep this tab's change (sent on top of the other version), take the other version, or send a merged note. */
  const resolveConflict = useCallback(
    (annotation: ShownAnnotation, choice: { keep: "mine" } | { keep: "theirs" } | { keep: "merged"; note: string | null }) => {
      const conflict = annotation.conflict;
      if (!conflict || finalRef.current) return;
      blocked.current.delete(annotation.id);
      if (choice.keep === "theirs") {
        patch(annotation.id, () => conflict.theirs);
        return;
      }
      patch(annotation.id, (a) => ({ ...a, conflict: undefined, pending: "saving", error: undefined }));
      void applyUpdate(annotation.id, choice.keep === "mine" ? conflict.mine : { ...conflict.mine, note: choice.note });
    },
    [patch, applyUpdate],
  );

  const retry = useCallback(
    (annotation: ShownAnnotation) => {
      const op = failedOps.current.get(annotation.id);
      if (!op || blocked.current.get(annotation.id) !== "failed") return;
      failedOps.current.delete(annotation.id);
      blocked.current.delete(annotation.id);
      if (op.kind === "create") void track(sendCreate(annotation.id, op.input));
      else if (op.kind === "delete") void applyDelete(annotation.id);
      else {
        const waiting = queued.current.get(annotation.id) ?? [];
        queued.current.set(annotation.id, []);
        if (waiting.length > 0) void applyUpdate(annotation.id, mergeChanges(waiting));
      }
    },
    [sendCreate, applyDelete, applyUpdate, track],
  );

  /** Another layer replaces the list (the history stays: its steps name annotations by id). */
  const replaceAll = useCallback((list: AnnotationView[]) => {
    for (const a of list) {
      serverVersion.current.set(a.id, a.version);
      stored.current.set(a.id, a);
    }
    setItems(list);
  }, []);

  /**
   * Waits until every write on its way has its answer. Resolves to a reason
   * when something is still not stored (failed, or in conflict), for the
   * person to settle before submitting.
   */
  const flush = useCallback(async (): Promise<string | null> => {
    while (inflight.current.size > 0) await Promise.allSettled([...inflight.current]);
    const stuck = blocked.current.size;
    if (stuck === 0) return null;
    return `${stuck} annotation${stuck > 1 ? "s have" : " has"} changes not saved (failed, or changed elsewhere): retry or resolve ${stuck > 1 ? "them" : "it"} before marking the article as done.`;
  }, []);

  return {
    items, replaceAll, create, update, remove, restore, retry, resolveConflict, undo, redo, notice, deletedTick, flush,
    unsent, dismissUnsent: (key: string) => setUnsent((kept) => kept.filter((w) => w.key !== key)),
    canUndo: history.past.length > 0, canRedo: history.future.length > 0,
  };
}
