import { route } from "@/lib/api/route";
import { diffGuidelineVersions } from "@/lib/db/guidelines/guidelines";
import { GuidelineDiffQuery } from "@/lib/schemas/guidelines";

export const dynamic = "force-dynamic";

// GET /api/guidelines/diff?from=N&to=M — the line diff between two versions
export const GET = route({ query: GuidelineDiffQuery }, async ({ query }) => Response.json(await diffGuidelineVersions(query)));
