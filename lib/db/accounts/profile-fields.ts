// The admin-defined annotator profile fields (lib/profile-fields/profile-schema.ts).
import { authorize, type Actor } from "../../auth/policy";
import { AppError } from "../../errors";
import type { ProfileFieldDefinition, ProfileFieldInput } from "../../profile-fields/profile-schema";
import type { ProfileFieldView } from "../../schemas/responses/people";
import { recordAudit } from "../audit";
import { db } from "../client";
import type { Prisma } from "../generated/client";

const viewFields = { id: true, key: true, name: true, type: true, options: true } as const;

/** The definitions in their order; no permission question: the caller already asked for what it shows. */
export async function listProfileFieldDefinitions(client: Prisma.TransactionClient | ReturnType<typeof db> = db()): Promise<ProfileFieldView[]> {
  return client.profileField.findMany({ select: viewFields, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
}

/** Admins define the fields; reviewers see them (to read people's attributes), analysts never. */
export async function listProfileFields(args: { actor: Actor }): Promise<ProfileFieldView[]> {
  authorize(args.actor, "profile-attributes:read");
  return listProfileFieldDefinitions();
}

export async function createProfileField(args: { actor: Actor; input: ProfileFieldInput }): Promise<ProfileFieldView> {
  authorize(args.actor, "profile-field:manage");
  return db().$transaction(async (tx) => {
    if (await tx.profileField.findUnique({ where: { key: args.input.key }, select: { id: true } })) {
      throw new AppError("CONFLICT", `A profile field with the key "${args.input.key}" exists already.`, { key: args.input.key });
    }
    const position = await tx.profileField.count();
    const field = await tx.profileField.create({ data: { ...args.input, position }, select: viewFields });
    await recordAudit(tx, { actorId: args.actor.id, action: "profile-field.create", entityType: "profile-field", entityId: field.id, after: field });
    return field;
  });
}

export type { ProfileFieldDefinition };
