import { after } from "next/server";
import { readJson, route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { scheduleFigures } from "@/lib/jobs/figures";
import { setAssignmentStatus } from "@/lib/db/articles/assignments";
import { SetAssignmentInput } from "@/lib/schemas/annotation";
import { IdParams, MAX_REQUEST_BYTES } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// PUT /api/articles/:id/assignment — { status, userId? }: the signed-in user's status on this article, or (reviewers) userId's.
// Submitting is final for analysts: leaving SUBMITTED is 409 SUBMITTED_IS_FINAL unless a reviewer reopens it.
export const PUT = route<{ id: string }>(async ({ req, params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  const { status, userId } = await readJson(req, SetAssignmentInput, MAX_REQUEST_BYTES);
  after(scheduleFigures); // folded, and agreement recomputed, in a job
  return Response.json(await setAssignmentStatus({ actor, articleId: id, status, userId }));
});
