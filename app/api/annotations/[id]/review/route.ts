import { route } from "@/lib/api/route";
import { reviewAnnotation } from "@/lib/db/spans/gold";
import { IdParams } from "@/lib/schemas/common";
import { ReviewInput } from "@/lib/schemas/gold";

export const dynamic = "force-dynamic";

// PUT /api/annotations/:id/review — { decision: ACCEPTED } | { decision: REJECTED, reason } (reviewers)
export const PUT = route({ params: IdParams, body: ReviewInput }, async ({ actor, params, body }) =>
  Response.json(await reviewAnnotation({ actor, annotationId: params.id, input: body })),
);
