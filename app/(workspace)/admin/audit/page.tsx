import type { Metadata } from "next";
import { AuditFilters } from "@/components/admin/AuditFilters";
import { AuditLog } from "@/components/admin/AuditLog";
import { requirePage } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";
import { auditFacets, listAuditEvents } from "@/lib/db/audit-log";
import { AuditQuery } from "@/lib/schemas/people";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageUser("/admin/audit");
  requirePage(actor, "audit:read");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([k, v]) => typeof v === "string" && v !== "" && ["actor", "entity", "action"].includes(k)));
  const parsed = AuditQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : AuditQuery.parse({});
  const filters = { ...(query.actor ? { actor: query.actor } : {}), ...(query.entity ? { entity: query.entity } : {}), ...(query.action ? { action: query.action } : {}) };
  const [page, facets] = await Promise.all([listAuditEvents({ actor, query }), auditFacets({ actor })]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
      <p className="text-sm text-slate-600">Every change to annotations, gold, people and settings, newest first, with the values before and after.</p>
      <AuditFilters actors={facets.actors.map((a) => ({ value: a.id, label: a.name }))} entities={facets.entities} actions={facets.actions} current={filters} />
      <AuditLog key={JSON.stringify(filters)} initial={page} filters={filters} />
    </div>
  );
}
