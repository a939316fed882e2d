import { readQuery, route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { getAgreementReport } from "@/lib/db/figures/agreement-report";
import { AgreementReportQuery } from "@/lib/schemas/gold";

export const dynamic = "force-dynamic";

// GET /api/agreement?sourceId=&label=&from=&to= — the agreement report (reviewers)
export const GET = route(async ({ req }) => {
  const actor = await requireUser();
  const query = readQuery(req, AgreementReportQuery);
  return Response.json(await getAgreementReport({ actor, query }));
});
