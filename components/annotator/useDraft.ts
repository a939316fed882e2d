"use client";

import { useEffect, useRef, useState } from "react";

/** How long typing must pause before a field saves on its own. */
export const AUTOSAVE_IDLE_MS = 1500;

/**
 * A field's text while the person edits it. The saved value flows in only
 * while the field does not have focus: a save (this tab's or another's)
 * never replaces what is being typed, never remounts the field, never moves
 * focus. Saves when the field is left, and after a pause in typing.
 * `same` says when a draft needs no save (e.g. equal once trimmed).
 */
const identical = (a: string, b: string) => a === b;
let sittings = 0;

/**
 * `frozen`: the field became read-only under the person (their layer turned
 * final). What they typed stays in the field while they are in it, to copy;
 * once they leave, it is handed to `commit` (which keeps it as unsent work)
 * and the field shows the stored value again.
 */
export function useDraft(value: string, commit: (draft: string, sitting: number) => void, same: (draft: string, value: string) => boolean = identical, frozen = false) {
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  const [seen, setSeen] = useState(value);
  const sent = useRef<string | null>(null);
  // Each visit to the field is one sitting: its saves undo as one step.
  const sitting = useRef(0);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });

  if (value !== seen) {
    // Adjusting state while rendering, as React recommends over an effect.
    setSeen(value);
    if (!focused) setDraft(value);
  }

  const save = (text: string) => {
    if (same(text, value) || sent.current === text) return;
    sent.current = text;
    commitRef.current(text, sitting.current);
  };

  useEffect(() => {
    if (!focused || same(draft, value) || sent.current === draft) return;
    const timer = setTimeout(() => {
      sent.current = draft;
      commitRef.current(draft, sitting.current);
    }, AUTOSAVE_IDLE_MS);
    return () => clearTimeout(timer);
  }, [draft, focused, value, same]);

  return {
    value: draft,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onFocus: () => {
      sent.current = null;
      sitting.current = ++sittings;
      setFocused(true);
    },
    onBlur: () => {
      setFocused(false);
      save(draft);
      if (frozen) setDraft(value);
    },
  };
}
