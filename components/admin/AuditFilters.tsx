type Option = { value: string; label: string };

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilters({ actors, entities, actions, current }: { actors: Option[]; entities: string[]; actions: string[]; current: { actor?: string; entity?: string; action?: string } }) {
  const select = (name: "actor" | "entity" | "action", label: string, options: Option[]) => (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={current[name] ?? ""} className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 focus:outline-none focus:ring-1 focus:ring-slate-500">
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const plain = (values: string[]) => values.map((v) => ({ value: v, label: v }));
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto] lg:items-end">
      {select("actor", "Person", actors)}
      {select("entity", "Entity", plain(entities))}
      {select("action", "Action", plain(actions))}
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:ring-offset-1">
        Filter
      </button>
    </form>
  );
}
