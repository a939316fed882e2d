"use client";

import { useCallback, useRef, useState } from "react";
import { annotationApi, ApiError, type AnnotationChange, type NewAnnotation } from "./api";
import type { AnnotationView, ShownAnnotation } from "./types";

/** What still has to reach the server for an annotation, kept until it does: retry re-sends it. */
type PendingOp = { kind: "create"; input: NewAnnotation } | { kind: "update"; change: Omit<AnnotationChange, "version"> } | { kind: "delete" };

export type Deleted = { annotation: AnnotationView; error?: string };

let tempCounter = 0;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useAnnotations(articleId: string, initial: AnnotationView[]) {
  const [items, setItems] = useState<ShownAnnotation[]>(initial);
  const [lastDeleted, setLastDeleted] = useState<Deleted | null>(null);
  const ops = useRef(new Map<string, PendingOp>());

  const patch = useCallback((id: string, next: (a: ShownAnnotation) => ShownAnnotation | null) => {
    setItems((list) => list.flatMap((a) => (a.id === id ? (next(a) ?? []) : [a])));
  }, []);
  const fail = useCallback(
    (id: string, error: unknown) => patch(id, (a) => ({ ...a, pending: "failed", error: messageOf(error) })),
    [patch],
  );

  const send = useCallback(
    async (id: string, op: PendingOp, version: number) => {
      ops.current.set(id, op);
      patch(id, (a) => ({ ...a, pending: "saving", error: undefined }));
      try {
        if (op.kind === "create") {
          const saved = await annotationApi.create(articleId, op.input);
          patch(id, () => saved);
        } else if (op.kind === "update") {
          const saved = await annotationApi.update(id, { ...op.change, version });
          patch(id, () => saved);
        } else {
          await annotationApi.remove(id);
          patch(id, () => null);
        }
        ops.current.delete(id);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409 && op.kind === "update") {
          const current = (error.details as { current?: AnnotationView } | null)?.current;
          // Show what the server has now; Retry re-applies this tab's change on top of it.
          if (current) patch(id, () => ({ ...current, ...op.change, version: current.version, pending: "failed", error: error.message }));
          else fail(id, error);
          return;
        }
        fail(id, error);
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
      void send(id, { kind: "create", input }, 0);
      return id;
    },
    [send],
  );

  const update = useCallback(
    (annotation: ShownAnnotation, change: Omit<AnnotationChange, "version">) => {
      if (annotation.id.startsWith("pending-")) return; // not saved yet: edit once it is
      patch(annotation.id, (a) => ({ ...a, ...change }));
      void send(annotation.id, { kind: "update", change }, annotation.version);
    },
    [patch, send],
  );

  const remove = useCallback(
    async (annotation: ShownAnnotation) => {
      if (annotation.id.startsWith("pending-") && annotation.pending === "failed") {
        ops.current.delete(annotation.id);
        patch(annotation.id, () => null); // never reached the server: discarding loses nothing stored
        return;
      }
      await send(annotation.id, { kind: "delete" }, annotation.version);
      if (!ops.current.has(annotation.id)) setLastDeleted({ annotation });
    },
    [patch, send],
  );

  const undoDelete = useCallback(async () => {
    if (!lastDeleted) return;
    setLastDeleted(null);
    try {
      const restored = await annotationApi.restore(lastDeleted.annotation.id);
      setItems((list) => [...list, restored]);
    } catch (error) {
      setLastDeleted({ annotation: lastDeleted.annotation, error: `Undo failed: ${messageOf(error)}` });
    }
  }, [lastDeleted]);

  const retry = useCallback(
    (annotation: ShownAnnotation) => {
      const op = ops.current.get(annotation.id);
      if (op) void send(annotation.id, op, annotation.version);
    },
    [send],
  );

  return { items, setItems, create, update, remove, undoDelete, retry, lastDeleted, dismissUndo: () => setLastDeleted(null) };
}
