import { route } from "@/lib/api/route";
import { acceptAgreed } from "@/lib/db/spans/gold";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// POST /api/articles/:id/gold/accept-agreed — every span all annotators made identically goes into gold (reviewers)
export const POST = route({ params: IdParams }, async ({ actor, params }) => Response.json(await acceptAgreed({ actor, articleId: params.id })));
