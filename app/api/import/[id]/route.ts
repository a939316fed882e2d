import { route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { getImportJob } from "@/lib/db/import/jobs";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// GET /api/import/:id — the job's status, progress and report (its owner or an admin)
export const GET = route<{ id: string }>(async ({ params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  return Response.json(await getImportJob({ actor, id }), { headers: { "Cache-Control": "no-store" } });
});
