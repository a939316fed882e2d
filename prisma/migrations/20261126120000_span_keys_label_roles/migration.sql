-- The source figures as one program (issue #13, sections 1 and 2).
--
-- 1. Span keys: what a span is counted under (its attribution kind, its
--    normalized quote and speaker, the speaker as written) is computed in
--    TypeScript when the span is written (lib/aggregates/normalize.ts) and
--    stored here; SQL only groups by these columns. NULL quoteKey: a row
--    written before the keys existed, keyed by the migration runner's key
--    step with the same TypeScript function (decision 0015).
ALTER TABLE "Annotation"
    ADD COLUMN "attributionKind" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "quoteKey" TEXT,
    ADD COLUMN "speakerKey" TEXT,
    ADD COLUMN "speakerName" TEXT;
ALTER TABLE "GoldAnnotation"
    ADD COLUMN "attributionKind" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "quoteKey" TEXT,
    ADD COLUMN "speakerKey" TEXT,
    ADD COLUMN "speakerName" TEXT;
CREATE INDEX "Annotation_unkeyed_idx" ON "Annotation" (id) WHERE "quoteKey" IS NULL;
CREATE INDEX "GoldAnnotation_unkeyed_idx" ON "GoldAnnotation" (id) WHERE "quoteKey" IS NULL;

-- 2. Label roles: which label's spans feed the top expressions (by quote),
--    which are attributions (by speaker, and split by kind), which marks
--    unverified claims. Data, not keys written into SQL and TypeScript; at
--    most one label per role.
CREATE TYPE "LabelRole" AS ENUM ('EXPRESSIONS', 'ATTRIBUTIONS', 'UNVERIFIED');
ALTER TABLE "Label" ADD COLUMN "role" "LabelRole";
CREATE UNIQUE INDEX "Label_role_key" ON "Label" ("role");
UPDATE "Label" SET "role" = CASE key WHEN 'loaded_language' THEN 'EXPRESSIONS'::"LabelRole" WHEN 'attribution' THEN 'ATTRIBUTIONS'::"LabelRole"
                                     WHEN 'unverified' THEN 'UNVERIFIED'::"LabelRole" END
WHERE key IN ('loaded_language', 'attribution', 'unverified');

-- 3. Who rated an article (decision 0014) as last folded: the all-annotators
--    mean divides by them and the layers' coverage counts them.
ALTER TABLE "ArticleRollupState" ADD COLUMN "raters" UUID[] NOT NULL DEFAULT '{}';

-- 4. Repeatable SQL (decision 0015): prisma/sql/*.sql, applied by the
--    migration runner whenever a file's checksum differs from the one here.
CREATE TABLE "_slant_repeatable" (
    "name" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "_slant_repeatable_pkey" PRIMARY KEY ("name")
);

-- The functions whose signature changes move to prisma/sql/figures.sql, which
-- the runner applies right after this migration; the triggers there are
-- CREATE OR REPLACE. Dropped here: the SQL copies of the keys.
DROP FUNCTION slant_append_delta(uuid, uuid, uuid, text, jsonb, int);
DROP FUNCTION slant_expression(text, text, jsonb);
DROP FUNCTION slant_speaker(text, jsonb);
DROP FUNCTION slant_kind(jsonb);
