import { route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { cancelImportJob } from "@/lib/db/import/jobs";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// POST /api/import/:id/cancel — stop a running import before its next batch (its owner or an admin) → the job; an ended job is returned unchanged
export const POST = route<{ id: string }>(async ({ params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  return Response.json(await cancelImportJob({ actor, id }));
});
