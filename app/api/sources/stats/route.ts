import { route } from "@/lib/api/route";
import { sourcesIndexStats } from "@/lib/db/figures/sources-index";
import { SourceViewQuery } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

// GET /api/sources/stats?basis=all|gold|<userId>&from=YYYY-MM&to=YYYY-MM — every source's figures
export const GET = route({ query: SourceViewQuery }, async ({ actor, query }) => {
  return Response.json(await sourcesIndexStats({ actor, query }));
});
