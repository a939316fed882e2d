// URLSearchParams → a plain object for zod: a key given once is a string, a
// key given several times an array (Object.fromEntries would keep only the
// last value and silently widen an export).
export function searchParamsObject(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = values.length === 1 ? values[0]! : values;
  }
  return result;
}

type FilterValues = {
  format?: string;
  sourceId?: readonly string[];
  label?: readonly string[];
  annotator?: readonly string[];
  from?: string | undefined;
  to?: string | undefined;
  gold?: boolean;
  pseudonymize?: boolean;
  annotationsOnly?: boolean;
};

/** The query string for /api/export[/count]: empty and false values left out, lists repeated. */
export function exportQueryString(filters: FilterValues): string {
  const params = new URLSearchParams();
  if (filters.format) params.set("format", filters.format);
  for (const key of ["sourceId", "label", "annotator"] as const) for (const value of filters[key] ?? []) params.append(key, value);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  for (const key of ["gold", "pseudonymize", "annotationsOnly"] as const) if (filters[key]) params.set(key, "1");
  return params.toString();
}
