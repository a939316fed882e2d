import { route } from "@/lib/api/route";
import { pullNextArticle } from "@/lib/db/campaigns/next";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// POST /api/campaigns/:id/next — dynamic campaigns: the signed-in member's next article (the one they hold first); 204 when none is left
export const POST = route({ params: IdParams }, async ({ actor, params }) => {
  const next = await pullNextArticle({ actor, campaignId: params.id });
  return next ? Response.json(next) : new Response(null, { status: 204 });
});
