import { route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { getArticleAgreement } from "@/lib/db/spans/compare";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// GET /api/articles/:id/agreement — per label: unitizing alpha, kappa, F1 (exact/partial), counts, warnings (reviewers)
export const GET = route<{ id: string }>(async ({ params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  return Response.json(await getArticleAgreement({ actor, articleId: id }));
});
