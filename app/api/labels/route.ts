import { after } from "next/server";
import { route } from "@/lib/api/route";
import { listLabels } from "@/lib/db/labels/list";
import { createLabel } from "@/lib/db/labels/labels";
import { scheduleReportFigures } from "@/lib/jobs/figures";
import { CreateLabelInput } from "@/lib/schemas/labels";

export const dynamic = "force-dynamic";

// GET /api/labels — every label with its attribute fields, retired ones included (their spans still show and export)
export const GET = route({}, async () => Response.json({ items: await listLabels() }));

// POST /api/labels — admins: { key, name, color, description?, shortcut?, attributes? }
export const POST = route({ can: "label:write", body: CreateLabelInput }, async ({ actor, body }) => {
  const label = await createLabel({ actor, input: body });
  after(scheduleReportFigures); // the agreement report's stored figures now lack the new label
  return Response.json(label, { status: 201 });
});
