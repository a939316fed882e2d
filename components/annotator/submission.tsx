"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

export type AssignmentStatus = "ASSIGNED" | "IN_PROGRESS" | "SUBMITTED" | null;

/** Saves everything typed so far; resolves to a reason when something could not be saved (then nothing is submitted). */
type Flush = () => Promise<string | null>;

type Submission = {
  status: AssignmentStatus;
  /** The person's own layer no longer changes: they submitted, and only a reviewer may reopen it. */
  final: boolean;
  /** The submit is on its way: fields are read-only meanwhile. */
  submitting: boolean;
  canReopen: boolean;
  setStatus: (status: AssignmentStatus) => void;
  setSubmitting: (submitting: boolean) => void;
  /** The annotator registers how to save its pending work; "Mark as done" calls it first. */
  registerFlush: (flush: Flush | null) => void;
  flush: Flush;
};

const SubmissionContext = createContext<Submission | null>(null);

/**
 * The person's status on one article, shared by the "Mark as done" button and
 * the annotator: once an analyst's layer is submitted it is final for them
 * (docs/decisions/0007-blind-reads.md), and the annotator turns read-only.
 */
export function SubmissionProvider({ initial, canReopen, children }: { initial: AssignmentStatus; canReopen: boolean; children: ReactNode }) {
  const [status, setStatus] = useState<AssignmentStatus>(initial);
  const [submitting, setSubmitting] = useState(false);
  const flushRef = useRef<Flush | null>(null);
  const registerFlush = useCallback((flush: Flush | null) => {
    flushRef.current = flush;
  }, []);
  const flush = useCallback(() => flushRef.current?.() ?? Promise.resolve(null), []);
  const value = useMemo(
    () => ({ status, final: status === "SUBMITTED" && !canReopen, submitting, canReopen, setStatus, setSubmitting, registerFlush, flush }),
    [status, canReopen, submitting, registerFlush, flush],
  );
  return <SubmissionContext.Provider value={value}>{children}</SubmissionContext.Provider>;
}

export function useSubmission(): Submission {
  const submission = useContext(SubmissionContext);
  if (!submission) throw new Error("useSubmission: outside a SubmissionProvider");
  return submission;
}
