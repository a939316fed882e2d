import { readJson, route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { reviewAnnotation } from "@/lib/db/spans/gold";
import { IdParams, MAX_REQUEST_BYTES } from "@/lib/schemas/common";
import { ReviewInput } from "@/lib/schemas/gold";

export const dynamic = "force-dynamic";

// PUT /api/annotations/:id/review — { decision: ACCEPTED } | { decision: REJECTED, reason } (reviewers)
export const PUT = route<{ id: string }>(async ({ req, params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  const input = await readJson(req, ReviewInput, MAX_REQUEST_BYTES);
  return Response.json(await reviewAnnotation({ actor, annotationId: id, input }));
});
