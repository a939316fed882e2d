import { readJson, route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { addComment, listComments } from "@/lib/db/spans/comments";
import { IdParams, MAX_REQUEST_BYTES } from "@/lib/schemas/common";
import { CommentInput } from "@/lib/schemas/gold";

export const dynamic = "force-dynamic";

// GET /api/articles/:id/comments — discussion of disputed spans (reviewers)
export const GET = route<{ id: string }>(async ({ params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  return Response.json({ items: await listComments({ actor, articleId: id }) });
});

// POST /api/articles/:id/comments — { annotationId | goldAnnotationId, body } (reviewers)
export const POST = route<{ id: string }>(async ({ req, params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  const input = await readJson(req, CommentInput, MAX_REQUEST_BYTES);
  return Response.json(await addComment({ actor, articleId: id, input }), { status: 201 });
});
