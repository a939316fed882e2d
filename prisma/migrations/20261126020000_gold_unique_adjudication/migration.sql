-- Gold has one live span per article, label and range (issue #12, section 6), and an adjudicated
-- article says when the annotators' work changed after it was adjudicated (section 2).

-- 1. Existing duplicates: the oldest live copy is kept; the others' provenance and comments move to
--    it, and they are soft-deleted (so their history stays) with an audit event each.
CREATE TEMPORARY TABLE gold_duplicate AS
SELECT id, keeper FROM (
    SELECT id, first_value(id) OVER w AS keeper, row_number() OVER w AS n
    FROM "GoldAnnotation"
    WHERE "deletedAt" IS NULL
    WINDOW w AS (PARTITION BY "articleId", "labelId", start, "end" ORDER BY "createdAt", id)
) ranked
WHERE n > 1;

INSERT INTO "GoldSource" ("goldAnnotationId", "annotationId")
SELECT d.keeper, s."annotationId" FROM "GoldSource" s JOIN gold_duplicate d ON d.id = s."goldAnnotationId"
ON CONFLICT DO NOTHING;

UPDATE "Comment" c SET "goldAnnotationId" = d.keeper FROM gold_duplicate d WHERE c."goldAnnotationId" = d.id;

UPDATE "GoldAnnotation" g SET "deletedAt" = now(), version = g.version + 1 FROM gold_duplicate d WHERE g.id = d.id;

INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", after)
SELECT NULL, 'gold.dedupe', 'GoldAnnotation', d.id::text, jsonb_build_object('mergedInto', d.keeper) FROM gold_duplicate d;

DROP TABLE gold_duplicate;

-- 2. The constraint: accepting is INSERT … ON CONFLICT on this index, never check-then-insert.
--    Partial, so that a removed (soft-deleted) gold span does not block accepting it again.
CREATE UNIQUE INDEX "GoldAnnotation_live_span_key" ON "GoldAnnotation" ("articleId", "labelId", start, "end") WHERE "deletedAt" IS NULL;

-- 3. "Changed since adjudication": set when an annotator's span on an ADJUDICATED article is created,
--    edited, deleted or restored; cleared whenever a reviewer sets the gold status again.
ALTER TABLE "Article" ADD COLUMN "changedSinceAdjudicationAt" TIMESTAMPTZ(3);

CREATE FUNCTION slant_mark_changed_since_adjudication() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Only the first change after adjudication writes the article row; later ones match nothing.
    UPDATE "Article" SET "changedSinceAdjudicationAt" = now()
    WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD."articleId" ELSE NEW."articleId" END)
      AND "goldStatus" = 'ADJUDICATED' AND "changedSinceAdjudicationAt" IS NULL;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Annotation_changed_since_adjudication"
    AFTER INSERT OR DELETE OR UPDATE OF "articleId", "annotatorId", "labelId", start, "end", quote, note, attributes, "deletedAt" ON "Annotation"
    FOR EACH ROW EXECUTE FUNCTION slant_mark_changed_since_adjudication();

-- 4. The agreement report's per-article figures (lib/db/agreement-report.ts), kept under a fingerprint
--    of the text, labels, raters and live spans they were computed from; stale ones are recomputed
--    on the next report. No foreign key, like ArticleAgreement: a deleted article's row is never read.
CREATE TABLE "ArticleAgreementFigures" (
    "articleId" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleAgreementFigures_pkey" PRIMARY KEY ("articleId")
);
