import { readJson, route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { setAssignmentStatus } from "@/lib/db/assignments";
import { SetAssignmentInput } from "@/lib/schemas/annotation";
import { IdParams, MAX_REQUEST_BYTES } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// PUT /api/articles/:id/assignment — { status } of the signed-in user on this article
export const PUT = route<{ id: string }>(async ({ req, params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  const { status } = await readJson(req, SetAssignmentInput, MAX_REQUEST_BYTES);
  return Response.json(await setAssignmentStatus({ actor, articleId: id, status }));
});
