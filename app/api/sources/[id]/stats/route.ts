import { after } from "next/server";
import { route } from "@/lib/api/route";
import { AGREEMENT_REFRESH_MS, refreshArticleAgreementsFor } from "@/lib/db/figures/agreement";
import { sourceStats } from "@/lib/db/figures/source";
import { IdParams } from "@/lib/schemas/common";
import { SourceViewQuery } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

// GET /api/sources/:id/stats?basis=all|gold|<userId>&from=YYYY-MM&to=YYYY-MM
export const GET = route({ params: IdParams, query: SourceViewQuery }, async ({ actor, params, query }) => {
  after(() => refreshArticleAgreementsFor(AGREEMENT_REFRESH_MS));
  return Response.json(await sourceStats({ actor, sourceId: params.id, query }));
});
