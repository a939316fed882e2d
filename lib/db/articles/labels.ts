import type { LabelRole } from "../../aggregates/figures";
import { db, type Db } from "../client";

export type LabelView = { id: string; key: string; name: string; description: string; color: string; shortcut: string | null; role: LabelRole | null };

export async function listLabels(client: Db = db()): Promise<LabelView[]> {
  return client.label.findMany({
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    select: { id: true, key: true, name: true, description: true, color: true, shortcut: true, role: true },
  });
}
