"use client";

import { useEffect, useRef } from "react";
import { annotatorActionOf, type AnnotatorAction } from "@/lib/labels/shortcuts";
import type { LabelOption } from "./types";

type Handlers = {
  labels: LabelOption[];
  /** Returns false when there is nothing selected to tag. */
  onTag: (labelKey: string) => boolean;
  onStep: (direction: 1 | -1) => void;
  /** Deletes the annotation whose element has keyboard focus (data-annotation-id), if any. */
  onDelete: (annotationId: string) => void;
  onMoveEdge: (edge: "start" | "end", direction: -1 | 1) => void;
  onUndo: () => void;
  onRedo: () => void;
  onToggleShortcuts: () => void;
  onEscape: () => void;
};

const editable = (target: EventTarget | null): target is HTMLElement =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/** The annotation an element stands for, when that element itself has keyboard focus. */
export const focusedAnnotationId = (element: Element | null) => (element instanceof HTMLElement ? (element.dataset.annotationId ?? null) : null);

/**
 * The annotator's keyboard: label keys tag the selection; the rest navigate
 * and edit. Keys typed into a field are never shortcuts, nor are keys typed
 * after the field was removed under the person's fingers by a re-render
 * (focus fell to the page without their doing): until they click or move
 * focus themselves, those keys are still typing and do nothing.
 */
export function useAnnotatorKeys(handlers: Handlers) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let lastField: HTMLElement | null = null;
    const onFocusIn = (event: FocusEvent) => {
      lastField = editable(event.target) ? event.target : null;
    };
    const onPointerDown = () => {
      lastField = null;
    };

    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || editable(event.target)) return;
      if (lastField && !lastField.isConnected) return;
      const h = latest.current;
      if (event.ctrlKey || event.metaKey) {
        const key = event.key.toLowerCase();
        if (key === "z" || key === "y") {
          event.preventDefault();
          if (key === "y" || event.shiftKey) h.onRedo();
          else h.onUndo();
        }
        return;
      }
      const action = annotatorActionOf(event.key);
      if (action === "delete") {
        // Destructive keys act only on an annotation that visibly has keyboard focus.
        const id = focusedAnnotationId(document.activeElement);
        if (id) {
          event.preventDefault();
          h.onDelete(id);
        }
        return;
      }
      // The label API refuses a shortcut that is one of the annotator's keys (lib/labels/shortcuts.ts).
      const label = h.labels.find((l) => l.shortcut === event.key && !l.retired);
      const actions: Record<Exclude<AnnotatorAction, "delete">, () => void> = {
        next: () => h.onStep(1),
        previous: () => h.onStep(-1),
        "start-left": () => h.onMoveEdge("start", -1),
        "start-right": () => h.onMoveEdge("start", 1),
        "end-left": () => h.onMoveEdge("end", -1),
        "end-right": () => h.onMoveEdge("end", 1),
        undo: h.onUndo,
        redo: h.onRedo,
        shortcuts: h.onToggleShortcuts,
        escape: h.onEscape,
      };
      if (label && h.onTag(label.key)) {
        event.preventDefault();
      } else if (action) {
        event.preventDefault();
        actions[action]();
      }
    }
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("pointerdown", onPointerDown, true);
    window.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("pointerdown", onPointerDown, true);
      window.removeEventListener("keydown", onKeyDown);
    };
  }, []);
}
