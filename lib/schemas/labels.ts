import { z } from "zod";
import { colourProblems } from "../labels/appearance";
import { AttributeFields } from "../labels/fields";
import { shortcutProblem } from "../labels/shortcuts";
import { LabelKey } from "./annotation";
import { Line, Text } from "./common";

// Bodies of POST /api/labels and PATCH /api/labels/:id, shared by the admin
// page's forms and the handlers. What needs the other labels (a shortcut or
// key already taken) is checked in lib/db/labels/labels.ts.

/** "#rrggbb", readable as text and under article text on its highlight (WCAG AA). */
export const LabelColor = z.string().superRefine((color, ctx) => {
  for (const message of colourProblems(color)) ctx.addIssue({ code: "custom", message });
});

/** One key that tags the selection; null for none. */
export const LabelShortcut = z
  .string()
  .superRefine((key, ctx) => {
    const problem = shortcutProblem(key, []);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .nullable();

const Description = Text().max(5000, "must be at most 5000 characters");

export const CreateLabelInput = z.strictObject({
  key: LabelKey,
  name: Line(100),
  description: Description.default(""),
  color: LabelColor,
  shortcut: LabelShortcut.default(null),
  attributes: AttributeFields.default([]),
});
export type CreateLabelInput = z.infer<typeof CreateLabelInput>;

export const UpdateLabelInput = z
  .strictObject({
    name: Line(100).optional(),
    description: Description.optional(),
    color: LabelColor.optional(),
    shortcut: LabelShortcut.optional(),
    sortOrder: z.number().int().min(-1_000_000).max(1_000_000).optional(),
    retired: z.boolean().optional(),
    /** The whole list of fields: a field left out is removed (its stored values stay on the spans). */
    attributes: AttributeFields.optional(),
  })
  .refine((input) => Object.keys(input).length > 0, "change at least one thing");
export type UpdateLabelInput = z.infer<typeof UpdateLabelInput>;
