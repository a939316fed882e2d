import type { LabelOption } from "@/components/annotator/types";

const shown = (value: unknown) => (typeof value === "boolean" ? (value ? "yes" : "no") : String(value));

/** A span's attributes (by their form labels) and note, as the reviewer needs to see them to choose. */
export function SpanValues({ attributes, note, label }: { attributes: Record<string, unknown>; note: string | null; label: LabelOption | undefined }) {
  const entries = Object.entries(attributes).filter(([, v]) => v !== null && v !== undefined && v !== "");
  if (entries.length === 0 && !note?.trim()) return null;
  const name = (key: string) => label?.attributes.find((f) => f.key === key)?.name ?? key;
  return (
    <dl className="mt-0.5 grid grid-cols-[auto_1fr] gap-x-1.5 text-slate-700" aria-label="Values">
      {entries.map(([key, value]) => (
        <div key={key} className="contents" data-attribute={key}>
          <dt className="text-slate-500">{name(key)}</dt>
          <dd>{shown(value)}</dd>
        </div>
      ))}
      {note?.trim() && (
        <div className="contents" data-note="">
          <dt className="text-slate-500">Note</dt>
          <dd className="whitespace-pre-wrap">{note}</dd>
        </div>
      )}
    </dl>
  );
}
