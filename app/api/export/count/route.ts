import { route } from "@/lib/api/route";
import { searchParamsObject } from "@/lib/datasets/query";
import { countExport } from "@/lib/db/export/datasets";
import { ExportCountQuery } from "@/lib/schemas/datasets";

export const dynamic = "force-dynamic";

// GET /api/export/count?<the same filters as /api/export> — { articles, annotations }
export const GET = route({}, async ({ req, actor }) => {
  // Filters repeat keys (sourceId, label, annotator), which route's one-value-per-key query does not take.
  const filters = ExportCountQuery.parse(searchParamsObject(new URL(req.url).searchParams));
  return Response.json(await countExport({ actor, filters }));
});
