// A session's undo history: what was done, newest last, and what was undone,
// ready to be redone. Immutable, so a screen can keep it in state; what an
// entry means (and how to invert it) is the caller's business.

export type History<E> = { readonly past: readonly E[]; readonly future: readonly E[] };

/** Enough for a long session; the oldest steps fall off first. */
export const HISTORY_LIMIT = 500;

export function emptyHistory<E>(): History<E> {
  return { past: [], future: [] };
}

/**
 * Adds a new step and forgets what was undone (a new action ends the redo
 * line). `merge` may fold the step into the newest one instead, e.g. the
 * autosaves of one field while the person keeps typing in it.
 */
export function record<E>(history: History<E>, entry: E, merge?: (newest: E, entry: E) => E | null, limit = HISTORY_LIMIT): History<E> {
  const newest = history.past[history.past.length - 1];
  const merged = newest !== undefined && merge ? merge(newest, entry) : null;
  const past = merged !== null ? [...history.past.slice(0, -1), merged] : [...history.past, entry];
  return { past: past.slice(Math.max(0, past.length - limit)), future: [] };
}

/** The step to undo, and the history after undoing it; null when there is nothing to undo. */
export function undo<E>(history: History<E>): { entry: E; history: History<E> } | null {
  const entry = history.past[history.past.length - 1];
  if (entry === undefined) return null;
  return { entry, history: { past: history.past.slice(0, -1), future: [...history.future, entry] } };
}

/** The step to redo, and the history after redoing it; null when there is nothing to redo. */
export function redo<E>(history: History<E>): { entry: E; history: History<E> } | null {
  const entry = history.future[history.future.length - 1];
  if (entry === undefined) return null;
  return { entry, history: { past: [...history.past, entry], future: history.future.slice(0, -1) } };
}
