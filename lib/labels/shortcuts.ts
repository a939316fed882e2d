// The annotator's own keys and the rule for a label's shortcut, in one place:
// the annotator binds these keys (components/annotator/useAnnotatorKeys.ts)
// and the label API refuses a shortcut that would shadow one of them.

/** Keys the annotator itself answers, by what they do (besides Ctrl/⌘ combinations, which labels never use). */
export const ANNOTATOR_KEYS = {
  j: "next",
  k: "previous",
  "[": "start-left",
  "]": "start-right",
  "{": "end-left",
  "}": "end-right",
  u: "undo",
  U: "redo",
  "?": "shortcuts",
  Escape: "escape",
  Delete: "delete",
  Backspace: "delete",
} as const;

export type AnnotatorAction = (typeof ANNOTATOR_KEYS)[keyof typeof ANNOTATOR_KEYS];

export const annotatorActionOf = (key: string): AnnotatorAction | undefined => (Object.hasOwn(ANNOTATOR_KEYS, key) ? ANNOTATOR_KEYS[key as keyof typeof ANNOTATOR_KEYS] : undefined);

/**
 * Why this shortcut cannot be a label's, or null when it can: one printable
 * character, not one of the annotator's keys, not another label's. Compared
 * as the browser reports the key (event.key), so "a" and "A" are different keys.
 */
export function shortcutProblem(shortcut: string, others: readonly { name: string; shortcut: string | null }[]): string | null {
  if ([...shortcut].length !== 1 || /\s/u.test(shortcut) || /\p{C}/u.test(shortcut)) return "must be a single visible character";
  const action = annotatorActionOf(shortcut);
  if (action) return `"${shortcut}" is the annotator's own key (${action})`;
  const taken = others.find((o) => o.shortcut === shortcut);
  if (taken) return `"${shortcut}" is already the shortcut of ${taken.name}`;
  return null;
}
