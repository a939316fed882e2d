"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/Button";
import { api, ApiError } from "@/lib/client/api";
import { SessionList, type SessionView } from "@/lib/schemas/responses/people";

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** The person's open sessions (where they are signed in); all but this one can be ended at once. */
export function SessionsList({ initial, reloadKey }: { initial: SessionView[]; reloadKey: number }) {
  const [sessions, setSessions] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (reloadKey === 0) return; // the page's own list is current
    const controller = new AbortController();
    api("GET", "/api/profile/sessions", { schema: SessionList, signal: controller.signal }).then((s) => setSessions(s.items), () => {});
    return () => controller.abort();
  }, [reloadKey]);
  async function end(ids: string[]) {
    setProblem(null);
    for (const id of ids) {
      const ended = await api("DELETE", `/api/profile/sessions/${id}`).then(
        () => true,
        // Already gone (signed out there meanwhile) is what was wanted.
        (e: unknown) => (e instanceof ApiError && e.status === 404) || void setProblem(e instanceof Error ? e.message : String(e)),
      );
      if (ended) setSessions((list) => list.filter((s) => s.id !== id));
    }
  }
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-100 text-sm">
        {sessions.map((s) => (
          <li key={s.id} className="flex items-center justify-between gap-3 py-2">
            <span>Signed in {when(s.createdAt)}</span>
            {s.current ? (
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">this session</span>
            ) : (
              <Button type="button" variant="ghost" onClick={() => void end([s.id])} aria-label={`Sign out the session from ${when(s.createdAt)}`}>
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      {problem && <p role="alert" className="text-sm text-red-800">{problem}</p>}
      <Button type="button" variant="secondary" disabled={others === 0} onClick={() => void end(sessions.filter((s) => !s.current).map((s) => s.id))}>
        {others === 0 ? "No other sessions" : `Sign out ${others} other session(s)`}
      </Button>
    </div>
  );
}
