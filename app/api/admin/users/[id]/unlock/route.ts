import { route } from "@/lib/api/route";
import { unlockPerson } from "@/lib/db/accounts/people-access";
import { UserParams } from "@/lib/schemas/people";

export const dynamic = "force-dynamic";

// POST /api/admin/users/:id/unlock — forget the account's failed sign-ins (admins)
export const POST = route({ can: "user:manage", params: UserParams }, async ({ actor, params }) => Response.json(await unlockPerson({ actor, id: params.id })));
