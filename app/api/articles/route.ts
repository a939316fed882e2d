import { readJson, readQuery, route } from "@/lib/api/route";
import { requireRole } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { createArticle, listArticles } from "@/lib/db/articles/articles";
import { ArticleListQuery, CreateArticleInput } from "@/lib/schemas/article";
import { MAX_REQUEST_BYTES } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// GET /api/articles?sourceId=&cursor=&limit=
export const GET = route(async ({ req }) => {
  const actor = await requireUser();
  const query = readQuery(req, ArticleListQuery);
  return Response.json(await listArticles({ actor, query }));
});

// POST /api/articles — analyst or above
export const POST = route(async ({ req }) => {
  const actor = await requireUser();
  requireRole(actor, "ANALYST");
  const input = await readJson(req, CreateArticleInput, MAX_REQUEST_BYTES);
  const article = await createArticle({ actor, input });
  return Response.json(article, { status: 201 });
});
