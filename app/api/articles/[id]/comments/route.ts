import { route } from "@/lib/api/route";
import { addComment, listComments } from "@/lib/db/spans/comments";
import { IdParams } from "@/lib/schemas/common";
import { CommentInput } from "@/lib/schemas/gold";

export const dynamic = "force-dynamic";

// GET /api/articles/:id/comments — discussion of disputed spans (reviewers)
export const GET = route({ params: IdParams }, async ({ actor, params }) => Response.json({ items: await listComments({ actor, articleId: params.id }) }));

// POST /api/articles/:id/comments — { annotationId | goldAnnotationId, body } (reviewers)
export const POST = route({ params: IdParams, body: CommentInput }, async ({ actor, params, body }) =>
  Response.json(await addComment({ actor, articleId: params.id, input: body }), { status: 201 }),
);
