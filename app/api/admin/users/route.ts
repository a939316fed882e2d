import { route } from "@/lib/api/route";
import { createPerson, listPeople } from "@/lib/db/accounts/people";
import { AdminCreateUserInput } from "@/lib/schemas/people";

export const dynamic = "force-dynamic";

// GET /api/admin/users — everyone, with role, status, last sign-in and spans made (admins)
export const GET = route({ can: "user:manage" }, async ({ actor }) => Response.json({ items: await listPeople({ actor }) }));

// POST /api/admin/users { email, name, role, password? } → 201 { user, temporaryPassword } (made when no password is sent; shown once)
export const POST = route({ can: "user:manage", body: AdminCreateUserInput }, async ({ actor, body }) =>
  Response.json(await createPerson({ actor, input: body }), { status: 201, headers: { "Cache-Control": "no-store" } }),
);
