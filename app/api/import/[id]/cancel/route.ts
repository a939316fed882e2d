import { route } from "@/lib/api/route";
import { cancelImportJob } from "@/lib/db/import/jobs";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// POST /api/import/:id/cancel — stop a running import before its next batch (its owner or an admin) → the job; an ended job is returned unchanged
export const POST = route({ params: IdParams }, async ({ actor, params }) => Response.json(await cancelImportJob({ actor, id: params.id })));
