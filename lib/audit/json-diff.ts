// A readable difference of an audit event's before and after: one line per
// leaf that changed, named by its path ("profile.leaning"). Arrays are
// compared as whole values: a reordered list of options is one change.

export type Change = { path: string; before: unknown; after: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function jsonDiff(before: unknown, after: unknown, path = ""): Change[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => jsonDiff(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  // One side missing or not an object: the whole value at this path changed (or was added, or removed).
  if (isObject(after) && before === undefined) return jsonDiff({}, after, path);
  if (isObject(before) && after === undefined) return jsonDiff(before, {}, path);
  return [{ path: path || "(value)", before, after }];
}
