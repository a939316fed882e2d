-- Secrets that belong to the data rather than to a process (docs/decisions/0018):
-- the key of export pseudonyms. Made here, once per database and under the
-- migration lock, so every web process and the CLI read the same one and no
-- request ever writes it. 244 random bits from two version-4 UUIDs
-- (gen_random_uuid draws from pg_strong_random; no extension needed).
CREATE TABLE "StoredSecret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredSecret_pkey" PRIMARY KEY ("name")
);

INSERT INTO "StoredSecret" ("name", "value")
VALUES ('pseudonym', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
