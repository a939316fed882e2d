-- Issue #12, sections 5 and 6 and "Sources don't fork by spelling" (docs/decisions/0009).

-- 1. Sign-in attempts: one counter row per key ("account:<email>", "address:<ip>"),
-- reserved with one atomic INSERT … ON CONFLICT … RETURNING before any password
-- is checked, so parallel guesses cannot all slip under the limit.
DROP TABLE "SignInFailure";

CREATE TABLE "SignInAttempts" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "count" INTEGER NOT NULL,

    CONSTRAINT "SignInAttempts_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "SignInAttempts_windowStart_idx" ON "SignInAttempts"("windowStart");

-- 2. Sessions: the session cookie names one row; signing out deletes it, a
-- password change or reset deletes the user's others. Every request reads it
-- together with the user (one primary-key lookup).
CREATE TABLE "Session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- 3. Source names match ignoring case, whitespace and punctuation: "fox",
-- "FOX" and "Fox." are one source. The key is defined here once and kept by a
-- trigger, so the app, imports and this backfill can never disagree. Only
-- whitespace and punctuation are removed (never "everything but letters"), so
-- a server whose locale does not know non-Latin letters under-matches rather
-- than merging different names.
CREATE FUNCTION slant_source_key(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT COALESCE(
        NULLIF(regexp_replace(lower(normalize(name, NFKC)), '[[:space:][:punct:]\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2e00-\u2e7f\u3000-\u303f\ufe30-\ufe4f]+', '', 'g'), ''),
        lower(name))
$$;

CREATE FUNCTION slant_source_set_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."nameKey" := slant_source_key(NEW.name);
    RETURN NEW;
END $$;

ALTER TABLE "Source" ADD COLUMN "nameKey" TEXT;
UPDATE "Source" SET "nameKey" = slant_source_key(name);

-- Sources that already forked by spelling are merged into the oldest of each
-- spelling: their articles move (the rollup triggers queue the moved articles),
-- the others are deleted, and the figures are rebuilt once.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM "Source" GROUP BY "nameKey" HAVING count(*) > 1) THEN
        CREATE TEMP TABLE source_merge ON COMMIT DROP AS
        SELECT s.id AS "fromId", first_value(s.id) OVER (PARTITION BY s."nameKey" ORDER BY s."createdAt", s.id) AS "intoId"
        FROM "Source" s;
        DELETE FROM source_merge WHERE "fromId" = "intoId";
        UPDATE "Article" a SET "sourceId" = m."intoId" FROM source_merge m WHERE a."sourceId" = m."fromId";
        DELETE FROM "Source" s USING source_merge m WHERE s.id = m."fromId";
        PERFORM slant_rebuild_source_rollups();
    END IF;
END $$;

CREATE UNIQUE INDEX "Source_nameKey_key" ON "Source"("nameKey");
CREATE TRIGGER "Source_name_key" BEFORE INSERT OR UPDATE OF name ON "Source" FOR EACH ROW EXECUTE FUNCTION slant_source_set_key();
