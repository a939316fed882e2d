import { route } from "@/lib/api/route";
import { auditCsvHead, auditCsvLine } from "@/lib/audit/audit-csv";
import { allAuditEvents, listAuditEvents } from "@/lib/db/audit-log";
import { AuditQuery } from "@/lib/schemas/people";

export const dynamic = "force-dynamic";

// GET /api/admin/audit?actor=&entity=&action=&cursor=&limit= → { items, nextCursor }, newest first (admins);
// format=csv: every event the filters match, as a CSV download
export const GET = route({ can: "audit:read", query: AuditQuery }, async ({ actor, query }) => {
  if (query.format === "json") return Response.json(await listAuditEvents({ actor, query }));
  const filters = { actor: query.actor, entity: query.entity, action: query.action };
  const events = allAuditEvents({ actor, filters });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(encoder.encode(auditCsvHead(filters))),
    async pull(controller) {
      const next = await events.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(auditCsvLine(next.value)));
    },
  });
  return new Response(stream, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="slant-audit.csv"' } });
});
