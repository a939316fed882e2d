import { readQuery, route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { sourceEvidence } from "@/lib/db/figures/evidence";
import { IdParams } from "@/lib/schemas/common";
import { EvidenceQuery } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

// GET /api/sources/:id/evidence?basis=&from=&to=&label=&month=&articleId=&kind=&expression=&speaker=&cursor=&limit=
export const GET = route<{ id: string }>(async ({ req, params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  const query = readQuery(req, EvidenceQuery);
  return Response.json(await sourceEvidence({ actor, sourceId: id, query }));
});
