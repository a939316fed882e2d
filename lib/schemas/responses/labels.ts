import { z } from "zod";
import { FIELD_TYPES } from "../../labels/fields";
import { LabelRole } from "./sources";

// A label as GET/POST /api/labels and PATCH /api/labels/:id send it (lib/db/labels/list.ts's LabelView).

export const AttributeFieldView = z.object({
  key: z.string(),
  name: z.string(),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  options: z.array(z.string()).readonly().optional(),
  maxLength: z.number().optional(),
  placeholder: z.string().optional(),
});

export const LabelResponse = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  color: z.string(),
  shortcut: z.string().nullable(),
  role: LabelRole.nullable(),
  sortOrder: z.number(),
  attributes: z.array(AttributeFieldView),
  retired: z.boolean(),
});
export type LabelResponse = z.infer<typeof LabelResponse>;

export const LabelList = z.object({ items: z.array(LabelResponse) });
