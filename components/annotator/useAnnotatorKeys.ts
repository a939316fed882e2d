"use client";

import { useEffect, useRef } from "react";
import type { LabelOption } from "./types";

type Handlers = {
  labels: LabelOption[];
  /** Returns false when there is nothing selected to tag. */
  onTag: (labelKey: string) => boolean;
  onStep: (direction: 1 | -1) => void;
  onDelete: () => void;
  onMoveEdge: (edge: "start" | "end", direction: -1 | 1) => void;
  onUndo: () => void;
  onToggleShortcuts: () => void;
  onEscape: () => void;
};

const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/** The annotator's keyboard: label keys tag the selection; the rest navigate and edit. */
export function useAnnotatorKeys(handlers: Handlers) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      const h = latest.current;
      const label = h.labels.find((l) => l.shortcut === event.key);
      const actions: Record<string, () => void> = {
        j: () => h.onStep(1),
        k: () => h.onStep(-1),
        Delete: h.onDelete,
        Backspace: h.onDelete,
        "[": () => h.onMoveEdge("start", -1),
        "]": () => h.onMoveEdge("start", 1),
        "{": () => h.onMoveEdge("end", -1),
        "}": () => h.onMoveEdge("end", 1),
        u: h.onUndo,
        "?": h.onToggleShortcuts,
        Escape: h.onEscape,
      };
      if (label && h.onTag(label.key)) {
        event.preventDefault();
      } else if (actions[event.key]) {
        event.preventDefault();
        actions[event.key]!();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
