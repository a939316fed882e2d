import { route } from "@/lib/api/route";
import { setGoldStatus } from "@/lib/db/spans/gold-status";
import { IdParams } from "@/lib/schemas/common";
import { GoldStatusInput } from "@/lib/schemas/gold";

export const dynamic = "force-dynamic";

// PUT /api/articles/:id/gold-status — { status: NONE | IN_PROGRESS | ADJUDICATED, override?: { reason } } (reviewers);
// ADJUDICATED with spans undecided is 409 ADJUDICATION_INCOMPLETE unless overridden (the reason is audited)
export const PUT = route({ params: IdParams, body: GoldStatusInput }, async ({ actor, params, body: { status, override } }) =>
  Response.json(await setGoldStatus({ actor, articleId: params.id, status, ...(override ? { override } : {}) })),
);
