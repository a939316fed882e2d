"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { api } from "@/lib/client/api";
import { LabelResponse } from "@/lib/schemas/responses/labels";
import { LabelEditor } from "./LabelEditor";
import { LabelRow, moveButtonId } from "./LabelRow";
import { problemOf } from "./problems";

/** The labels as a list an admin edits in place: add, edit, reorder, retire. */
export function LabelsAdmin({ initial }: { initial: LabelResponse[] }) {
  const [labels, setLabels] = useState(initial);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const replace = (label: LabelResponse) => setLabels((list) => list.map((l) => (l.id === label.id ? label : l)));

  async function patch(id: string, body: Record<string, unknown>): Promise<LabelResponse> {
    return api("PATCH", `/api/labels/${id}`, { body, schema: LabelResponse });
  }

  /** Moves a label one place; every label whose place changed gets its new position. */
  async function move(index: number, direction: -1 | 1) {
    const to = index + direction;
    if (busy || to < 0 || to >= labels.length) return;
    const order = [...labels];
    [order[index], order[to]] = [order[to]!, order[index]!];
    setBusy(true);
    setStatus(null);
    try {
      const changed = order.map((l, i) => ({ l, sortOrder: i + 1 })).filter(({ l, sortOrder }) => l.sortOrder !== sortOrder);
      const saved = new Map<string, LabelResponse>();
      for (const { l, sortOrder } of changed) saved.set(l.id, await patch(l.id, { sortOrder }));
      setLabels(order.map((l) => saved.get(l.id) ?? l));
      setStatus({ ok: true, text: `${order[to]!.name} moved to position ${to + 1} of ${order.length}.` });
      // React may move the row's element to reorder the list, which drops focus: the keyboard user keeps their place.
      const moved = order[to]!.id;
      requestAnimationFrame(() => document.getElementById(moveButtonId(moved, direction))?.focus());
    } catch (error) {
      setStatus({ ok: false, text: problemOf(error) });
    } finally {
      setBusy(false);
    }
  }

  async function setRetired(label: LabelResponse, retired: boolean) {
    setStatus(null);
    try {
      replace(await patch(label.id, { retired }));
      setStatus({ ok: true, text: retired ? `${label.name} is retired: its spans stay, it takes no new ones.` : `${label.name} is back in the annotator.` });
    } catch (error) {
      setStatus({ ok: false, text: problemOf(error) });
    }
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          {labels.filter((l) => !l.retired).length} in use{labels.some((l) => l.retired) && `, ${labels.filter((l) => l.retired).length} retired`}
        </p>
        {editing !== "new" && <Button onClick={() => setEditing("new")}>Add a label</Button>}
      </div>
      <p role="status" aria-live="polite" className={`min-h-5 text-sm ${status?.ok === false ? "text-red-800" : "text-slate-700"}`}>
        {status?.text}
      </p>
      {editing === "new" && (
        <LabelEditor
          others={labels}
          onCancel={() => setEditing(null)}
          onSaved={(label) => {
            setLabels((list) => [...list, label]);
            setEditing(null);
            setStatus({ ok: true, text: `${label.name} added.` });
          }}
        />
      )}
      {labels.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">No labels yet: add the first one.</p>
      ) : (
        <ol aria-label="Labels" className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
          {labels.map((label, index) => (
            <li key={label.id} aria-label={label.name}>
              <LabelRow label={label} index={index} count={labels.length} busy={busy} onMove={(d) => void move(index, d)} onEdit={() => setEditing(editing === label.id ? null : label.id)} editing={editing === label.id} onRetire={(r) => void setRetired(label, r)} />
              {editing === label.id && (
                <div className="border-t border-slate-100 p-3">
                  <LabelEditor
                    label={label}
                    others={labels.filter((l) => l.id !== label.id)}
                    onCancel={() => setEditing(null)}
                    onSaved={(saved) => {
                      replace(saved);
                      setEditing(null);
                      setStatus({ ok: true, text: `${saved.name} saved.` });
                    }}
                  />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
