import { route } from "@/lib/api/route";
import { listOwnSessions } from "@/lib/db/accounts/sessions";

export const dynamic = "force-dynamic";

// GET /api/profile/sessions → { items: [{ id, createdAt, current }] }: the user's open sessions (a session only)
export const GET = route({ auth: "session" }, async ({ actor, sessionId }) => Response.json({ items: await listOwnSessions({ actor, sessionId }) }));
