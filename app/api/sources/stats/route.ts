import { readQuery, route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { sourcesIndexStats } from "@/lib/db/figures/sources-index";
import { SourceViewQuery } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

// GET /api/sources/stats?basis=all|gold|<userId>&from=YYYY-MM&to=YYYY-MM — every source's figures
export const GET = route(async ({ req }) => {
  const actor = await requireUser();
  const query = readQuery(req, SourceViewQuery);
  return Response.json(await sourcesIndexStats({ actor, query }));
});
