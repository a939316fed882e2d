import { route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { restoreAnnotation } from "@/lib/db/annotations";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// POST /api/annotations/:id/restore — undo a delete
export const POST = route<{ id: string }>(async ({ params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  return Response.json(await restoreAnnotation({ actor, id }));
});
