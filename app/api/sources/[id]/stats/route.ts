import { route } from "@/lib/api/route";
import { sourceStats } from "@/lib/db/figures/source";
import { IdParams } from "@/lib/schemas/common";
import { SourceViewQuery } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

// GET /api/sources/:id/stats?basis=all|gold|<userId>&from=YYYY-MM&to=YYYY-MM
export const GET = route({ params: IdParams, query: SourceViewQuery }, async ({ actor, params, query }) => {
  return Response.json(await sourceStats({ actor, sourceId: params.id, query }));
});
