import type { AnnotationView } from "@/lib/db/annotations";
import type { AttributeField } from "@/lib/labels/attributes";

export type { AnnotationView };

export type LabelOption = { id: string; key: string; name: string; description: string; color: string; shortcut: string | null; attributes: readonly AttributeField[] };

/** An annotation as the screen knows it: saved, or still on its way (with what went wrong). */
export type ShownAnnotation = AnnotationView & { pending?: "saving" | "failed"; error?: string };

export type Layer = { kind: "me" } | { kind: "all" } | { kind: "user"; userId: string };

export type Annotator = { id: string; name: string };
