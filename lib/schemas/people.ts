import { z } from "zod";
import { Email, Password, Role } from "./user";

// Inputs of the admin console's people routes and of the profile page.

const Name = z.string().trim().min(1, "must not be empty").max(200);

/** POST /api/admin/users: without a password, Slant makes a temporary one and shows it once. */
export const AdminCreateUserInput = z.strictObject({ email: Email, name: Name, role: Role, password: Password.optional() });
export type AdminCreateUserInput = z.infer<typeof AdminCreateUserInput>;

/** PATCH /api/admin/users/:id; `profile` is checked again against the field definitions (lib/profile-fields). */
export const UpdateUserInput = z
  .strictObject({
    role: Role.optional(),
    active: z.boolean().optional(),
    profile: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((v) => v.role !== undefined || v.active !== undefined || v.profile !== undefined, { message: "send role, active or profile" });
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

/** POST /api/admin/users/:id/password-reset: the admin's temporary password, or one Slant makes. */
export const PasswordResetInput = z.strictObject({ password: Password.optional() });
export type PasswordResetInput = z.infer<typeof PasswordResetInput>;

export const InviteInput = z.strictObject({ email: Email, role: Role.default("ANALYST") });
export type InviteInput = z.infer<typeof InviteInput>;

/** The token in an invitation link: 32 random bytes, base64url. */
export const InvitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "is not an invitation token");
export const InvitationParams = z.strictObject({ token: InvitationToken });

export const AcceptInvitationInput = z.strictObject({ name: Name, password: Password });
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

export const UserParams = z.strictObject({ id: z.uuid({ message: "is not a user id" }) });

/** PATCH /api/profile: what a person may change about themselves. */
export const UpdateOwnProfileInput = z.strictObject({ name: Name });

/** GET /api/admin/audit: filters and the cursor (the last id seen). */
export const AuditQuery = z.strictObject({
  actor: z.uuid({ message: "is not a user id" }).optional(),
  entity: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().regex(/^\d{1,19}$/, "is not a cursor").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  format: z.enum(["json", "csv"]).default("json"),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
