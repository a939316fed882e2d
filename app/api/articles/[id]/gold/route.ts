import { route } from "@/lib/api/route";
import { acceptIntoGold, listGold } from "@/lib/db/spans/gold";
import { IdParams } from "@/lib/schemas/common";
import { AcceptIntoGoldInput } from "@/lib/schemas/gold";

export const dynamic = "force-dynamic";

// GET /api/articles/:id/gold — the gold annotations with their provenance (reviewers)
export const GET = route({ params: IdParams }, async ({ actor, params }) => Response.json({ items: await listGold({ actor, articleId: params.id }) }));

// POST /api/articles/:id/gold — { annotationIds, attributes?, note? }: accept identical annotators' spans into gold (reviewers);
// 409 ATTRIBUTES_DIFFER when their attributes differ and no `attributes` says which gold takes
export const POST = route({ params: IdParams, body: AcceptIntoGoldInput }, async ({ actor, params, body: { annotationIds, ...choice } }) =>
  Response.json(await acceptIntoGold({ actor, articleId: params.id, annotationIds, choice }), { status: 201 }),
);
