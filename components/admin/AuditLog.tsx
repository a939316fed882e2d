"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { api, messageOf } from "@/lib/client/api";
import { AuditPage, type AuditEventView } from "@/lib/schemas/responses/people";
import { AuditDiff } from "./AuditDiff";

type Filters = { actor?: string; entity?: string; action?: string };

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium" });

/** The first page comes from the server with the filters in the URL; "Show more" follows the cursor. */
export function AuditLog({ initial, filters }: { initial: AuditPage; filters: Filters }) {
  const [items, setItems] = useState<AuditEventView[]>(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [problem, setProblem] = useState<string | null>(null);
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));

  async function more() {
    if (!cursor) return;
    setProblem(null);
    const page = await api("GET", `/api/admin/audit?${new URLSearchParams([...query, ["cursor", cursor]])}`, { schema: AuditPage }).catch((e: unknown) => void setProblem(messageOf(e)));
    if (!page) return;
    setItems((list) => [...list, ...page.items]);
    setCursor(page.nextCursor);
  }

  return (
    <div className="space-y-3">
      <a href={`/api/admin/audit?${new URLSearchParams([...query, ["format", "csv"]])}`} className="inline-block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500">
        Download CSV
      </a>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">No events match these filters.</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {items.map((e) => (
            <li key={e.id} className="grid gap-2 p-3 text-sm md:grid-cols-[14rem_1fr]">
              <div>
                <div className="font-medium">{e.action}</div>
                <div className="text-xs text-slate-600">
                  {e.actor?.name ?? "system"} · {when(e.createdAt)}
                </div>
                <div className="break-all font-mono text-xs text-slate-500">
                  {e.entityType} {e.entityId}
                </div>
              </div>
              <AuditDiff before={e.before} after={e.after} />
            </li>
          ))}
        </ol>
      )}
      {problem && <p role="alert" className="text-sm text-red-800">{problem}</p>}
      {cursor && (
        <Button type="button" variant="secondary" onClick={() => void more()}>
          Show more
        </Button>
      )}
    </div>
  );
}
