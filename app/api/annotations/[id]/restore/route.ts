import { after } from "next/server";
import { route } from "@/lib/api/route";
import { scheduleFigures } from "@/lib/jobs/figures";
import { restoreAnnotation } from "@/lib/db/spans/annotations";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// POST /api/annotations/:id/restore — undo a delete
export const POST = route({ params: IdParams }, async ({ actor, params }) => {
  after(scheduleFigures); // folded, and agreement recomputed, in a job
  return Response.json(await restoreAnnotation({ actor, id: params.id }));
});
