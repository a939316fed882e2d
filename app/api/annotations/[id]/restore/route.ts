import { after } from "next/server";
import { route } from "@/lib/api/route";
import { scheduleAgreementRefresh } from "@/lib/db/figures/agreement";
import { restoreAnnotation } from "@/lib/db/spans/annotations";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// POST /api/annotations/:id/restore — undo a delete
export const POST = route({ params: IdParams }, async ({ actor, params }) => {
  after(scheduleAgreementRefresh); // figures ready before the next agreement report
  return Response.json(await restoreAnnotation({ actor, id: params.id }));
});
