import { readQuery, route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { sourceStats } from "@/lib/db/figures/source";
import { IdParams } from "@/lib/schemas/common";
import { SourceViewQuery } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

// GET /api/sources/:id/stats?basis=all|gold|<userId>&from=YYYY-MM&to=YYYY-MM
export const GET = route<{ id: string }>(async ({ req, params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  const query = readQuery(req, SourceViewQuery);
  return Response.json(await sourceStats({ actor, sourceId: id, query }));
});
