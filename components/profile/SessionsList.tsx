"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/Button";
import { api } from "@/lib/client/api";
import { SessionList, type SessionView } from "@/lib/schemas/responses/people";
import { z } from "zod";

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
  async function endOthers() {
    setProblem(null);
    await api("DELETE", "/api/profile/sessions", { schema: z.object({ endedSessions: z.number() }) }).then(
      () => setSessions((list) => list.filter((s) => s.current)),
      (e: unknown) => setProblem(e instanceof Error ? e.message : String(e)),
    );
  }
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-100 text-sm">
        {sessions.map((s) => (
          <li key={s.id} className="flex justify-between py-2">
            <span>Signed in {when(s.createdAt)}</span>
            {s.current && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">this session</span>}
          </li>
        ))}
      </ul>
      {problem && <p role="alert" className="text-sm text-red-800">{problem}</p>}
      <Button type="button" variant="secondary" disabled={others === 0} onClick={() => void endOthers()}>
        {others === 0 ? "No other sessions" : `Sign out ${others} other session(s)`}
      </Button>
    </div>
  );
}
