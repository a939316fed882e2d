import { route } from "@/lib/api/route";
import { getArticleOrThrow } from "@/lib/db/articles/articles";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// GET /api/articles/:id — with body
export const GET = route({ params: IdParams }, async ({ actor, params }) => Response.json(await getArticleOrThrow({ actor, id: params.id })));
