import type { AnnotationView } from "@/lib/schemas/responses/annotations";
import type { UnderlineStyle } from "@/lib/labels/appearance";
import type { AttributeField } from "@/lib/labels/attributes";
import type { AnnotationChange } from "./api";

export type { AnnotationView };

export type LabelOption = {
  id: string;
  key: string;
  name: string;
  description: string;
  color: string;
  shortcut: string | null;
  attributes: readonly AttributeField[];
  /** Retired: its spans still show, but the picker, the keys and relabelling no longer offer it. */
  retired: boolean;
  /** The label's section of the latest guideline (Markdown), when it has one. */
  guideline?: string;
  /** How the label is told apart without colour, and its colour darkened to read as text (set by the annotator). */
  underline?: UnderlineStyle;
  textColor?: string;
};

/** An edit to an annotation, without the version it applies to. */
export type Change = Omit<AnnotationChange, "version">;

/** Another tab or person saved this annotation first: their version, and this tab's change not yet written. */
export type Conflict = { theirs: AnnotationView; mine: Change };

/** An annotation as the screen knows it: saved, still on its way, failed (with what went wrong) or in conflict. */
export type ShownAnnotation = AnnotationView & { pending?: "saving" | "failed" | "conflict"; error?: string | undefined; conflict?: Conflict | undefined };

export type Layer = { kind: "me" } | { kind: "all" } | { kind: "user"; userId: string };

export type Annotator = { id: string; name: string };
