import { route } from "@/lib/api/route";
import { updateLabel } from "@/lib/db/labels/labels";
import { IdParams } from "@/lib/schemas/common";
import { UpdateLabelInput } from "@/lib/schemas/labels";

export const dynamic = "force-dynamic";

// PATCH /api/labels/:id — admins: { name?, description?, color?, shortcut?, sortOrder?, retired?, attributes? }
export const PATCH = route({ can: "label:write", params: IdParams, body: UpdateLabelInput }, async ({ actor, params, body }) => Response.json(await updateLabel({ actor, id: params.id, input: body })));
