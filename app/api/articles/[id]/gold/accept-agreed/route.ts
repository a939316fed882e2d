import { route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { acceptAgreed } from "@/lib/db/spans/gold";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// POST /api/articles/:id/gold/accept-agreed — every span all annotators made identically goes into gold (reviewers)
export const POST = route<{ id: string }>(async ({ params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  return Response.json(await acceptAgreed({ actor, articleId: id }));
});
