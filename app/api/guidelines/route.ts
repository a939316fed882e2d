import { route } from "@/lib/api/route";
import { getGuideline, saveGuideline } from "@/lib/db/guidelines/guidelines";
import { GuidelineQuery, SaveGuidelineInput } from "@/lib/schemas/guidelines";

export const dynamic = "force-dynamic";

// GET /api/guidelines?version=N — the latest guideline (number 0 before the first save), or version N
export const GET = route({ query: GuidelineQuery }, async ({ query }) => Response.json(await getGuideline({ version: query.version })));

// PUT /api/guidelines { markdown, baseVersion, note? } — admins: a new version; 409 unless baseVersion is the latest
export const PUT = route({ can: "guideline:write", body: SaveGuidelineInput }, async ({ actor, body }) =>
  Response.json(await saveGuideline({ actor, input: body }), { status: 201 }),
);
