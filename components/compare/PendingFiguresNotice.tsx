"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** How often to ask the server again while figures are pending. */
const REFRESH_EVERY_MS = 1500;

/**
 * Says that some articles' figures are still being computed (so the tables leave them out) and
 * refreshes the report until none are pending: the server keeps computing them meanwhile.
 */
export function PendingFiguresNotice({ pending }: { pending: number }) {
  const router = useRouter();
  useEffect(() => {
    if (pending === 0) return;
    // An interval, not a timeout: a refresh that finds the same count pending would not run the effect again.
    const timer = setInterval(() => router.refresh(), REFRESH_EVERY_MS);
    return () => clearInterval(timer);
  }, [pending, router]);
  if (pending === 0) return null;
  return (
    <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
      {pending} more article(s) with two or more annotators are pending: their figures are being computed and are not in the tables below yet. This report updates itself when they are ready.
    </p>
  );
}
