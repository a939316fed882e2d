import { after } from "next/server";
import { route } from "@/lib/api/route";
import { scheduleFigures } from "@/lib/jobs/figures";
import { setAssignmentStatus } from "@/lib/db/articles/assignments";
import { SetAssignmentInput } from "@/lib/schemas/annotation";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// PUT /api/articles/:id/assignment — { status, userId? }: the signed-in user's status on this article, or (reviewers) userId's.
// Submitting is final for analysts: leaving SUBMITTED is 409 SUBMITTED_IS_FINAL unless a reviewer reopens it.
export const PUT = route({ params: IdParams, body: SetAssignmentInput }, async ({ actor, params, body }) => {
  after(scheduleFigures); // folded, and agreement recomputed, in a job
  return Response.json(await setAssignmentStatus({ actor, articleId: params.id, status: body.status, userId: body.userId }));
});
