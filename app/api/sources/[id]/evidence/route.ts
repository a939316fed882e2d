import { route } from "@/lib/api/route";
import { sourceEvidence } from "@/lib/db/figures/evidence";
import { IdParams } from "@/lib/schemas/common";
import { EvidenceQuery } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

// GET /api/sources/:id/evidence?basis=&from=&to=&label=&month=&articleId=&kind=&expression=&speaker=&cursor=&limit=
export const GET = route({ params: IdParams, query: EvidenceQuery }, async ({ actor, params, query }) => Response.json(await sourceEvidence({ actor, sourceId: params.id, query })));
