import { readJson, route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { setGoldStatus } from "@/lib/db/spans/gold-status";
import { IdParams, MAX_REQUEST_BYTES } from "@/lib/schemas/common";
import { GoldStatusInput } from "@/lib/schemas/gold";

export const dynamic = "force-dynamic";

// PUT /api/articles/:id/gold-status — { status: NONE | IN_PROGRESS | ADJUDICATED, override?: { reason } } (reviewers);
// ADJUDICATED with spans undecided is 409 ADJUDICATION_INCOMPLETE unless overridden (the reason is audited)
export const PUT = route<{ id: string }>(async ({ req, params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  const { status, override } = await readJson(req, GoldStatusInput, MAX_REQUEST_BYTES);
  return Response.json(await setGoldStatus({ actor, articleId: id, status, ...(override ? { override } : {}) }));
});
