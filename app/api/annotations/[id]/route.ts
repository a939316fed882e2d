import { after } from "next/server";
import { readJson, route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { scheduleFigures } from "@/lib/jobs/figures";
import { deleteAnnotation, updateAnnotation } from "@/lib/db/spans/annotations";
import { UpdateAnnotationInput } from "@/lib/schemas/annotation";
import { IdParams, MAX_REQUEST_BYTES } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// PATCH /api/annotations/:id — { version, label?, start?, end?, quote?, note?, attributes? }; 409 on a stale version
export const PATCH = route<{ id: string }>(async ({ req, params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  const input = await readJson(req, UpdateAnnotationInput, MAX_REQUEST_BYTES);
  after(scheduleFigures); // folded, and agreement recomputed, in a job
  return Response.json(await updateAnnotation({ actor, id, input }));
});

// DELETE /api/annotations/:id — soft delete (undo: POST /api/annotations/:id/restore)
export const DELETE = route<{ id: string }>(async ({ params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  after(scheduleFigures); // folded, and agreement recomputed, in a job
  await deleteAnnotation({ actor, id });
  return new Response(null, { status: 204 });
});
