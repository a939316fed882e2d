import { z } from "zod";
import { ProfileFieldType } from "../../profile-fields/profile-schema";
import { Role } from "../user";

// The admin console's people, invitations, profile fields and audit log, and
// the profile page's sessions, as the API answers them.

export const PersonView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  active: z.boolean(),
  /** Too many failed sign-ins in the current window: an admin may unlock. */
  locked: z.boolean(),
  lastSignInAt: z.string().nullable(),
  spans: z.number().int(),
  createdAt: z.string(),
  profile: z.record(z.string(), z.string()),
});
export type PersonView = z.infer<typeof PersonView>;
export const PeopleList = z.object({ items: z.array(PersonView) });

/** A create or reset that made a temporary password: shown this once, to pass on. */
export const CreatedPerson = z.object({ user: PersonView, temporaryPassword: z.string().nullable() });
export type CreatedPerson = z.infer<typeof CreatedPerson>;

export const PasswordResetResult = z.object({ temporaryPassword: z.string(), endedSessions: z.number().int() });
export type PasswordResetResult = z.infer<typeof PasswordResetResult>;

export const InvitationCreated = z.object({
  id: z.string(), email: z.string(), role: Role, url: z.string(), expiresAt: z.string(),
  /** Whether the link also went out by mail (SLANT_SMTP_URL set and the server took it); why not, when sending failed. */
  emailed: z.boolean(), emailProblem: z.string().optional(),
});
export type InvitationCreated = z.infer<typeof InvitationCreated>;

export const ProfileFieldView = z.object({ id: z.string(), key: z.string(), name: z.string(), type: ProfileFieldType, options: z.array(z.string()) });
export type ProfileFieldView = z.infer<typeof ProfileFieldView>;
export const ProfileFieldList = z.object({ items: z.array(ProfileFieldView) });

export const AuditEventView = z.object({
  id: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.string(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;
export const AuditPage = z.object({ items: z.array(AuditEventView), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

export const SessionView = z.object({ id: z.string(), createdAt: z.string(), current: z.boolean() });
export type SessionView = z.infer<typeof SessionView>;
export const SessionList = z.object({ items: z.array(SessionView) });
