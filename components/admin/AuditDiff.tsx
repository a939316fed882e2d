import { jsonDiff } from "@/lib/audit/json-diff";

const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

/** An event's before and after as one line per changed value. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const changes = jsonDiff(before ?? undefined, after ?? undefined);
  if (changes.length === 0) return <span className="text-slate-500">no values recorded</span>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
      {changes.map((c) => (
        <div key={c.path} className="contents">
          <dt className="font-mono text-slate-600">{c.path}</dt>
          <dd className="break-all">
            {before !== null && before !== undefined && (
              <>
                <del className="bg-red-50 text-red-900">{show(c.before)}</del> →{" "}
              </>
            )}
            <ins className="bg-emerald-50 text-emerald-900 no-underline">{show(c.after)}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
