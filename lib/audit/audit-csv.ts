// The audit log as CSV: the filters in "#" lines above the header, one event a
// line, before and after as JSON text. Through the one CSV field writer,
// spreadsheet-safe: names, notes and quotes in the JSON are user text.
import { csvCommentLine, csvRecord } from "../formats/csv-field";

const SAFE = { spreadsheetSafe: true };

export const AUDIT_CSV_COLUMNS = ["id", "created_at", "actor_id", "actor_name", "action", "entity_type", "entity_id", "before", "after"] as const;

export type AuditCsvEvent = { id: string; createdAt: string; actor: { id: string; name: string } | null; action: string; entityType: string; entityId: string; before: unknown; after: unknown };

export function auditCsvHead(filters: { actor?: string | undefined; entity?: string | undefined; action?: string | undefined }): string {
  const described = [`actor=${filters.actor ?? "any"}`, `entity=${filters.entity ?? "any"}`, `action=${filters.action ?? "any"}`].join(" ");
  return csvCommentLine("Slant audit log; filters", described, SAFE) + csvRecord(AUDIT_CSV_COLUMNS, SAFE);
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export function auditCsvLine(event: AuditCsvEvent): string {
  return csvRecord([event.id, event.createdAt, event.actor?.id ?? null, event.actor?.name ?? null, event.action, event.entityType, event.entityId, json(event.before), json(event.after)], SAFE);
}
