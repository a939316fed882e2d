import { readJson, route } from "@/lib/api/route";
import { requireSessionUser } from "@/lib/auth/session";
import { createToken, listTokens } from "@/lib/db/accounts/tokens";
import { MAX_REQUEST_BYTES } from "@/lib/schemas/common";
import { CreateTokenInput } from "@/lib/schemas/datasets";

export const dynamic = "force-dynamic";

// GET /api/tokens — the caller's working tokens (never the tokens themselves)
export const GET = route(async () => {
  const actor = await requireSessionUser();
  return Response.json({ items: await listTokens({ actor }) });
});

// POST /api/tokens { name } → 201 with `token`, shown this once
export const POST = route(async ({ req }) => {
  const actor = await requireSessionUser();
  const input = await readJson(req, CreateTokenInput, MAX_REQUEST_BYTES);
  return Response.json(await createToken({ actor, input }), { status: 201, headers: { "Cache-Control": "no-store" } });
});
