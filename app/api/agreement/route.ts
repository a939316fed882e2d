import { route } from "@/lib/api/route";
import { getAgreementReport } from "@/lib/db/figures/agreement-report";
import { AgreementReportQuery } from "@/lib/schemas/gold";

export const dynamic = "force-dynamic";

// GET /api/agreement?sourceId=&label=&from=&to=&guidelineVersion= — the agreement report (reviewers); guidelineVersion keeps articles whose spans were all made under it
export const GET = route({ query: AgreementReportQuery }, async ({ actor, query }) => Response.json(await getAgreementReport({ actor, query })));
