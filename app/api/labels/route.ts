import { route } from "@/lib/api/route";
import { listLabels } from "@/lib/db/articles/labels";
import { attributeFields } from "@/lib/labels/attributes";

export const dynamic = "force-dynamic";

// GET /api/labels — with each label's attribute fields
export const GET = route({}, async () => {
  const labels = await listLabels();
  return Response.json({ items: labels.map((l) => ({ ...l, attributes: attributeFields[l.key] ?? [] })) });
});
