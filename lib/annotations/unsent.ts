// Work the server refused to store because the person's layer became final
// (they submitted the article, perhaps in another tab). It is never dropped
// silently: each piece is kept as copyable text until the person dismisses it.

export type UnsentWork = {
  /** One entry per annotation and field: a later refusal of the same field replaces the earlier one. */
  key: string;
  what: string;
  text: string;
};

type Target = { id: string; quote: string; label: string };
type Change = { label?: string | undefined; start?: number | undefined; end?: number | undefined; quote?: string | undefined; note?: string | null | undefined; attributes?: Record<string, unknown> | undefined };
type Names = { label: (key: string) => string; attribute: (labelKey: string, attributeKey: string) => string };

const short = (quote: string) => `“${quote.length > 40 ? `${quote.slice(0, 40)}…` : quote}”`;
const filled = (value: unknown) => value !== undefined && value !== null && value !== "";

function attributeLines(labelKey: string, attributes: Record<string, unknown>, names: Names) {
  return Object.entries(attributes)
    .filter(([, value]) => filled(value))
    .map(([key, value]) => `${names.attribute(labelKey, key)}: ${String(value)}`);
}

/** A new span that was never stored: its label, text, note and attributes. */
export function unsentCreate(target: Target, change: Change, names: Names): UnsentWork[] {
  const lines = [`${names.label(target.label)}: “${target.quote}”`];
  if (filled(change.note)) lines.push(`Note: ${change.note}`);
  lines.push(...attributeLines(target.label, change.attributes ?? {}, names));
  return [{ key: `${target.id}:create`, what: `Your new ${names.label(target.label)} span ${short(target.quote)}`, text: lines.join("\n") }];
}

/** An edit of a stored span that was refused, one entry per field it changed. */
export function unsentUpdate(target: Target, change: Change, names: Names): UnsentWork[] {
  const labelKey = change.label ?? target.label;
  const on = short(target.quote);
  const work: UnsentWork[] = [];
  if (change.note !== undefined) work.push({ key: `${target.id}:note`, what: `Your note on ${on}`, text: change.note ?? "(note removed)" });
  if (change.label !== undefined && change.label !== target.label) work.push({ key: `${target.id}:label`, what: `Your new label for ${on}`, text: names.label(change.label) });
  if (change.quote !== undefined && change.quote !== target.quote) work.push({ key: `${target.id}:span`, what: `Your new boundaries for ${on}`, text: `“${change.quote}”` });
  if (change.attributes !== undefined) {
    work.push({ key: `${target.id}:attributes`, what: `Your ${names.label(labelKey)} details on ${on}`, text: attributeLines(labelKey, change.attributes, names).join("\n") || "(all cleared)" });
  }
  return work;
}

/** Adds refused work to what is already kept, newest version of each field last. */
export function keepUnsent(kept: readonly UnsentWork[], added: readonly UnsentWork[]): UnsentWork[] {
  const keys = new Set(added.map((w) => w.key));
  return [...kept.filter((w) => !keys.has(w.key)), ...added];
}
