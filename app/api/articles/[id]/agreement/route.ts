import { route } from "@/lib/api/route";
import { getArticleAgreement } from "@/lib/db/spans/compare";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// GET /api/articles/:id/agreement — per label: unitizing alpha, kappa, F1 (exact/partial), counts, warnings (reviewers)
export const GET = route({ params: IdParams }, async ({ actor, params }) => Response.json(await getArticleAgreement({ actor, articleId: params.id })));
