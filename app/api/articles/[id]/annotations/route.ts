import { after } from "next/server";
import { readJson, readQuery, route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { scheduleFigures } from "@/lib/jobs/figures";
import { createAnnotation, listAnnotationsJson } from "@/lib/db/spans/annotations";
import { AnnotationListQuery, CreateAnnotationInput } from "@/lib/schemas/annotation";
import { IdParams, MAX_REQUEST_BYTES } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// GET /api/articles/:id/annotations?annotator=me|all|<userId> — analysts: me only; &deleted=1: your own deleted ones (restorable)
export const GET = route<{ id: string }>(async ({ req, params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  const query = readQuery(req, AnnotationListQuery);
  const items = await listAnnotationsJson({ actor, articleId: id, query });
  return new Response(`{"items":${items}}`, { headers: { "content-type": "application/json" } });
});

// POST /api/articles/:id/annotations — { label, start, end, quote, note?, attributes? } in code points
export const POST = route<{ id: string }>(async ({ req, params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  const input = await readJson(req, CreateAnnotationInput, MAX_REQUEST_BYTES);
  after(scheduleFigures); // folded, and agreement recomputed, in a job
  return Response.json(await createAnnotation({ actor, articleId: id, input }), { status: 201 });
});
