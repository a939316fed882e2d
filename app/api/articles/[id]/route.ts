import { route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { getArticleOrThrow } from "@/lib/db/articles/articles";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// GET /api/articles/:id — with body
export const GET = route<{ id: string }>(async ({ params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  return Response.json(await getArticleOrThrow({ actor, id }));
});
