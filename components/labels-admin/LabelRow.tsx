"use client";

import { Button } from "@/components/ui/Button";
import { PAGE_BACKGROUND } from "@/lib/labels/appearance";
import { readableOn } from "@/lib/labels/contrast";
import type { LabelResponse } from "@/lib/schemas/responses/labels";

type Props = {
  label: LabelResponse;
  index: number;
  count: number;
  busy: boolean;
  editing: boolean;
  onMove: (direction: -1 | 1) => void;
  onEdit: () => void;
  onRetire: (retired: boolean) => void;
};

const TYPE_NAMES: Record<string, string> = { text: "text", choice: "choice", boolean: "yes/no", number: "number", person: "person", organisation: "organisation" };

export const moveButtonId = (labelId: string, direction: -1 | 1) => `move-${labelId}-${direction === -1 ? "up" : "down"}`;

/** One label: how it looks, its key and shortcut, its fields; and the buttons that change it. */
export function LabelRow({ label, index, count, busy, editing, onMove, onEdit, onRetire }: Props) {
  // Moving stays focusable at the ends (aria-disabled, not disabled): focus must not drop when a label reaches the top.
  const moveButton = (direction: -1 | 1, text: string) => {
    const off = busy || (direction === -1 ? index === 0 : index === count - 1);
    return (
      <Button id={moveButtonId(label.id, direction)} variant="secondary" className="px-2! py-1!" aria-label={`Move ${label.name} ${text}`} aria-disabled={off} onClick={() => !off && onMove(direction)}>
        <span aria-hidden>{direction === -1 ? "↑" : "↓"}</span>
      </Button>
    );
  };
  return (
    <div className={`flex flex-col gap-2 p-3 sm:flex-row sm:items-start ${label.retired ? "bg-slate-50" : ""}`}>
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="h-4 w-4 shrink-0 rounded-sm border border-slate-300" style={{ backgroundColor: label.color }} aria-hidden />
          <span className="font-medium" style={{ color: readableOn(label.color, PAGE_BACKGROUND) }}>
            {label.name}
          </span>
          <code className="text-xs text-slate-600">{label.key}</code>
          {label.shortcut && (
            <span className="text-xs text-slate-600">
              key <kbd className="rounded border border-slate-300 bg-slate-50 px-1">{label.shortcut}</kbd>
            </span>
          )}
          {label.retired && <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700">retired</span>}
        </div>
        {label.description && <p className="line-clamp-2 text-sm text-slate-600">{label.description}</p>}
        <p className="text-xs text-slate-600">
          {label.attributes.length === 0
            ? "No attribute fields"
            : label.attributes.map((f) => `${f.name} (${TYPE_NAMES[f.type]}${f.type === "choice" ? `: ${f.options?.join(", ")}` : ""}${f.required ? ", required" : ""})`).join(" · ")}
        </p>
      </div>
      <div className="flex shrink-0 flex-wrap items-center gap-1">
        {moveButton(-1, "up")}
        {moveButton(1, "down")}
        <Button variant="secondary" className="py-1!" aria-expanded={editing} aria-label={`Edit ${label.name}`} onClick={onEdit}>
          {editing ? "Close" : "Edit"}
        </Button>
        <Button variant="secondary" className="py-1!" aria-label={`${label.retired ? "Unretire" : "Retire"} ${label.name}`} onClick={() => onRetire(!label.retired)}>
          {label.retired ? "Unretire" : "Retire"}
        </Button>
      </div>
    </div>
  );
}
