import { route } from "@/lib/api/route";
import { updatePerson } from "@/lib/db/accounts/people";
import { UpdateUserInput, UserParams } from "@/lib/schemas/people";

export const dynamic = "force-dynamic";

// PATCH /api/admin/users/:id { role?, active?, profile? } — 409 when it would leave no active admin (admins)
export const PATCH = route({ can: "user:manage", params: UserParams, body: UpdateUserInput }, async ({ actor, params, body }) =>
  Response.json(await updatePerson({ actor, id: params.id, input: body })),
);
