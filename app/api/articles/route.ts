import { route } from "@/lib/api/route";
import { createArticle, listArticles } from "@/lib/db/articles/articles";
import { ArticleListQuery, CreateArticleInput } from "@/lib/schemas/article";

export const dynamic = "force-dynamic";

// GET /api/articles?sourceId=&cursor=&limit=
export const GET = route({ query: ArticleListQuery }, async ({ actor, query }) => Response.json(await listArticles({ actor, query })));

// POST /api/articles — anyone signed in
export const POST = route({ body: CreateArticleInput }, async ({ actor, body }) => Response.json(await createArticle({ actor, input: body }), { status: 201 }));
