import { route } from "@/lib/api/route";
import { renameOwnAccount } from "@/lib/db/accounts/users";
import { UpdateOwnProfileInput } from "@/lib/schemas/people";

export const dynamic = "force-dynamic";

// PATCH /api/profile { name } → the signed-in user (a session only)
export const PATCH = route({ auth: "session", body: UpdateOwnProfileInput }, async ({ actor, body }) => Response.json(await renameOwnAccount({ actor, name: body.name })));
