-- Issue #14, people and profile attributes (docs/decisions/0020).

-- Profile attribute values per person, keyed by ProfileField.key; validated on write.
ALTER TABLE "User" ADD COLUMN "profile" JSONB NOT NULL DEFAULT '{}';
-- Sessions are deleted at sign-out, so the last sign-in is kept on the user.
ALTER TABLE "User" ADD COLUMN "lastSignInAt" TIMESTAMPTZ(3);

-- One-time invitation links: only a hash of the token is stored.
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'ANALYST',
    "tokenHash" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TYPE "ProfileFieldType" AS ENUM ('CHOICE', 'TEXT');

CREATE TABLE "ProfileField" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "ProfileFieldType" NOT NULL,
    "options" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProfileField_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ProfileField_key_key" ON "ProfileField"("key");

-- The audit log is read newest first with keyset pagination on id, filtered by action.
CREATE INDEX "AuditEvent_action_id_idx" ON "AuditEvent"("action", "id");
