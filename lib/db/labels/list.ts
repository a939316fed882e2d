import type { LabelRole } from "../../aggregates/figures";
import { storedFields, type AttributeField } from "../../labels/fields";
import { db, type Db } from "../client";

export type LabelView = {
  id: string;
  key: string;
  name: string;
  description: string;
  color: string;
  shortcut: string | null;
  role: LabelRole | null;
  sortOrder: number;
  attributes: AttributeField[];
  /** A retired label keeps its spans and figures but takes no new spans. */
  retired: boolean;
};

export const labelSelect = { id: true, key: true, name: true, description: true, color: true, shortcut: true, role: true, sortOrder: true, attributes: true, retiredAt: true } as const;

type LabelRow = { id: string; key: string; name: string; description: string; color: string; shortcut: string | null; role: LabelRole | null; sortOrder: number; attributes: unknown; retiredAt: Date | null };

export function toLabelView({ attributes, retiredAt, ...row }: LabelRow): LabelView {
  return { ...row, attributes: storedFields(attributes), retired: retiredAt !== null };
}

/** Every label, retired ones included (their spans still show, count and export), in the admins' order. */
export async function listLabels(client: Db = db()): Promise<LabelView[]> {
  const rows = await client.label.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }], select: labelSelect });
  return rows.map(toLabelView);
}
