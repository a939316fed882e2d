import { route } from "@/lib/api/route";
import { createProfileField, listProfileFields } from "@/lib/db/accounts/profile-fields";
import { ProfileFieldInput } from "@/lib/profile-fields/profile-schema";

export const dynamic = "force-dynamic";

// GET /api/admin/profile-fields — the annotator profile fields (admins and reviewers)
export const GET = route({ can: "profile-attributes:read" }, async ({ actor }) => Response.json({ items: await listProfileFields({ actor }) }));

// POST /api/admin/profile-fields { key, name, type: CHOICE|TEXT, options? } → 201 (admins)
export const POST = route({ can: "profile-field:manage", body: ProfileFieldInput }, async ({ actor, body }) =>
  Response.json(await createProfileField({ actor, input: body }), { status: 201 }),
);
