import { readJson, route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { acceptIntoGold, listGold } from "@/lib/db/spans/gold";
import { IdParams, MAX_REQUEST_BYTES } from "@/lib/schemas/common";
import { AcceptIntoGoldInput } from "@/lib/schemas/gold";

export const dynamic = "force-dynamic";

// GET /api/articles/:id/gold — the gold annotations with their provenance (reviewers)
export const GET = route<{ id: string }>(async ({ params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  return Response.json({ items: await listGold({ actor, articleId: id }) });
});

// POST /api/articles/:id/gold — { annotationIds, attributes?, note? }: accept identical annotators' spans into gold (reviewers);
// 409 ATTRIBUTES_DIFFER when their attributes differ and no `attributes` says which gold takes
export const POST = route<{ id: string }>(async ({ req, params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  const { annotationIds, ...choice } = await readJson(req, AcceptIntoGoldInput, MAX_REQUEST_BYTES);
  return Response.json(await acceptIntoGold({ actor, articleId: id, annotationIds, choice }), { status: 201 });
});
