"use client";

import { useCallback, useRef, useState } from "react";
import { emptyHistory, record, redo as redoStep, undo as undoStep, type History } from "@/lib/annotations/history";
import { annotationApi, ApiError, type AnnotationChange, type NewAnnotation } from "./api";
import type { AnnotationView, Change, ShownAnnotation } from "./types";

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
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const short = (quote: string) => `“${quote.length > 40 ? `${quote.slice(0, 40)}…` : quote}”`;
const mergeChanges = (changes: Change[]): Change => Object.assign({}, ...changes) as Change;

/** Autosaves of one field in one sitting undo as one step. */
const sameSitting = (newest: Step, step: Step): Step | null =>
  newest.kind === "update" && step.kind === "update" && step.group !== undefined && newest.group === step.group && newest.id === step.id
    ? { ...newest, after: { ...newest.after, ...step.after } }
    : null;

/**
 * The annotations on screen and every write to the server. Writes to one
 * annotation go one after another, each with the version the previous one
 * returned, so a person's own quick edits never collide; a version changed
 * elsewhere stops them as a conflict the person resolves, never written blind.
 */
export function useAnnotations(articleId: string, initial: AnnotationView[]) {
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

  const resolve = (id: string) => aliases.current.get(id) ?? id;
  const setHistoryBoth = useCallback((next: History<Step>) => {
    historyRef.current = next;
    setHistory(next);
  }, []);
  const remember = useCallback((step: Step) => setHistoryBoth(record(historyRef.current, step, sameSitting)), [setHistoryBoth]);

  const patch = useCallback((id: string, next: (a: ShownAnnotation) => ShownAnnotation | null) => {
    setItems((list) => list.flatMap((a) => (a.id === id ? (next(a) ?? []) : [a])));
  }, []);
  const enqueue = useCallback((id: string, task: () => Promise<void>) => {
    const next = (chains.current.get(id) ?? Promise.resolve()).then(task, task);
    chains.current.set(id, next);
    return next;
  }, []);
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
      const version = serverVersion.current.get(id) ?? 0;
      try {
        const saved = await annotationApi.update(id, { ...change, version } as AnnotationChange);
        serverVersion.current.set(id, saved.version);
        const rest = (queued.current.get(id) ?? []).filter((c) => c !== change);
        queued.current.set(id, rest);
        patch(id, () => (rest.length > 0 ? { ...saved, ...mergeChanges(rest), pending: "saving" } : saved));
      } catch (error) {
        const current = error instanceof ApiError && error.status === 409 ? (error.details as { current?: AnnotationView } | null)?.current : undefined;
        if (current) {
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
    [patch, fail],
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
          fail(id, { kind: "delete" }, error);
        }
      }),
    [enqueue, patch, fail],
  );

  const applyRestore = useCallback(
    (id: string) =>
      enqueue(id, async () => {
        try {
          const restored = await annotationApi.restore(id);
          serverVersion.current.set(id, restored.version);
          failedOps.current.delete(id);
          blocked.current.delete(id);
          setItems((list) => (list.some((a) => a.id === id) ? list.map((a) => (a.id === id ? restored : a)) : [...list, restored]));
          setDeletedTick((t) => t + 1);
        } catch (error) {
          setNotice(`Could not restore: ${messageOf(error)}`);
          throw error;
        }
      }),
    [enqueue],
  );

  const sendCreate = useCallback(
    async (tempId: string, input: NewAnnotation) => {
      patch(tempId, (a) => ({ ...a, pending: "saving", error: undefined }));
      try {
        const saved = await annotationApi.create(articleId, input);
        aliases.current.set(tempId, saved.id);
        serverVersion.current.set(saved.id, saved.version);
        failedOps.current.delete(tempId);
        blocked.current.delete(tempId);
        patch(tempId, () => saved);
      } catch (error) {
        fail(tempId, { kind: "create", input }, error);
      }
    },
    [articleId, patch, fail],
  );

  const create = useCallback(
    (input: NewAnnotation, annotator: { id: string; name: string }) => {
      const id = `pending-${++tempCounter}`;
      const now = new Date().toISOString();
      const draft: ShownAnnotation = {
        id, label: input.label, start: input.start, end: input.end, quote: input.quote, prefix: "", suffix: "",
        note: input.note ?? null, attributes: input.attributes ?? {}, annotator, version: 0, createdAt: now, updatedAt: now, pending: "saving",
      };
      setItems((list) => [...list, draft]);
      remember({ kind: "appear", ref: { id }, what: `tagging ${short(input.quote)}` });
      void sendCreate(id, input);
      return id;
    },
    [sendCreate, remember],
  );

  /** An edit by the person: shown at once, saved in order, undoable. `group` folds one field's autosaves into one undo step. */
  const update = useCallback(
    (annotation: ShownAnnotation, change: Change, group?: string) => {
      if (annotation.id.startsWith("pending-") || annotation.pending === "conflict") return; // edit once saved / once resolved
      const before = Object.fromEntries(Object.keys(change).map((key) => [key, annotation[key as keyof Change] ?? null])) as Change;
      if ("label" in change) Object.assign(before, { attributes: annotation.attributes });
      remember({ kind: "update", id: annotation.id, before, after: change, what: `the edit of ${short(annotation.quote)}`, group });
      void applyUpdate(annotation.id, change);
    },
    [applyUpdate, remember],
  );

  const remove = useCallback(
    (annotation: ShownAnnotation) => {
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
    const step = undoStep(historyRef.current);
    if (!step) return setNotice("Nothing to undo.");
    if (!perform(step.entry, "undo")) return setNotice(`Cannot undo ${step.entry.what} yet: it is still on its way to the server or has a conflict to resolve.`);
    setHistoryBoth(step.history);
    setNotice(`Undone: ${step.entry.what}.`);
  }, [perform, setHistoryBoth]);

  const redo = useCallback(() => {
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
      if (!conflict) return;
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
      if (op.kind === "create") void sendCreate(annotation.id, op.input);
      else if (op.kind === "delete") void applyDelete(annotation.id);
      else {
        const waiting = queued.current.get(annotation.id) ?? [];
        queued.current.set(annotation.id, []);
        if (waiting.length > 0) void applyUpdate(annotation.id, mergeChanges(waiting));
      }
    },
    [sendCreate, applyDelete, applyUpdate],
  );

  /** Another layer replaces the list (the history stays: its steps name annotations by id). */
  const replaceAll = useCallback((list: AnnotationView[]) => {
    for (const a of list) serverVersion.current.set(a.id, a.version);
    setItems(list);
  }, []);

  return {
    items, replaceAll, create, update, remove, restore, retry, resolveConflict, undo, redo, notice, deletedTick,
    canUndo: history.past.length > 0, canRedo: history.future.length > 0,
  };
}
