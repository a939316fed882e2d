import { route } from "@/lib/api/route";
import { getImportJob } from "@/lib/db/import/jobs";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// GET /api/import/:id — the job's status, progress and report (its owner or an admin)
export const GET = route({ params: IdParams }, async ({ actor, params }) => Response.json(await getImportJob({ actor, id: params.id }), { headers: { "Cache-Control": "no-store" } }));
