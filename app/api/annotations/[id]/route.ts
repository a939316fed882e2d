import { after } from "next/server";
import { route } from "@/lib/api/route";
import { scheduleFigures } from "@/lib/jobs/figures";
import { deleteAnnotation, updateAnnotation } from "@/lib/db/spans/annotations";
import { UpdateAnnotationInput } from "@/lib/schemas/annotation";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// PATCH /api/annotations/:id — { version, label?, start?, end?, quote?, note?, attributes? }; 409 on a stale version
export const PATCH = route({ params: IdParams, body: UpdateAnnotationInput }, async ({ actor, params, body }) => {
  after(scheduleFigures); // folded, and agreement recomputed, in a job
  return Response.json(await updateAnnotation({ actor, id: params.id, input: body }));
});

// DELETE /api/annotations/:id — soft delete (undo: POST /api/annotations/:id/restore)
export const DELETE = route({ params: IdParams }, async ({ actor, params }) => {
  after(scheduleFigures); // folded, and agreement recomputed, in a job
  await deleteAnnotation({ actor, id: params.id });
  return new Response(null, { status: 204 });
});
