import { route } from "@/lib/api/route";
import { createToken, listTokens } from "@/lib/db/accounts/tokens";
import { CreateTokenInput } from "@/lib/schemas/datasets";

export const dynamic = "force-dynamic";

// GET /api/tokens — the caller's working tokens (never the tokens themselves; a session only)
export const GET = route({ auth: "session" }, async ({ actor }) => Response.json({ items: await listTokens({ actor }) }));

// POST /api/tokens { name } → 201 with `token`, shown this once (a session only)
export const POST = route({ auth: "session", body: CreateTokenInput }, async ({ actor, body }) =>
  Response.json(await createToken({ actor, input: body }), { status: 201, headers: { "Cache-Control": "no-store" } }),
);
