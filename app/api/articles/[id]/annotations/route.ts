import { after } from "next/server";
import { route } from "@/lib/api/route";
import { scheduleFigures } from "@/lib/jobs/figures";
import { createAnnotation, listAnnotationsJson } from "@/lib/db/spans/annotations";
import { AnnotationListQuery, CreateAnnotationInput } from "@/lib/schemas/annotation";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// GET /api/articles/:id/annotations?annotator=me|all|<userId> — analysts: me only; &deleted=1: your own deleted ones (restorable)
export const GET = route({ params: IdParams, query: AnnotationListQuery }, async ({ actor, params, query }) => {
  const items = await listAnnotationsJson({ actor, articleId: params.id, query });
  return new Response(`{"items":${items}}`, { headers: { "content-type": "application/json" } });
});

// POST /api/articles/:id/annotations — { label, start, end, quote, note?, attributes? } in code points
export const POST = route({ params: IdParams, body: CreateAnnotationInput }, async ({ actor, params, body }) => {
  after(scheduleFigures); // folded, and agreement recomputed, in a job
  return Response.json(await createAnnotation({ actor, articleId: params.id, input: body }), { status: 201 });
});
