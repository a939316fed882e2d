-- "Changed since adjudication" (migration 20261126020000 made the column):
-- repeatable SQL (decision 0015), re-applied when this file's checksum changes.
-- An annotator's span that changes on an ADJUDICATED article marks the
-- article; a reviewer setting the gold status again clears the mark. Only the
-- first change after adjudication writes the article row; later ones match
-- nothing.

CREATE OR REPLACE FUNCTION slant_mark_changed_since_adjudication() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "Article" SET "changedSinceAdjudicationAt" = now()
    WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD."articleId" ELSE NEW."articleId" END)
      AND "goldStatus" = 'ADJUDICATED' AND "changedSinceAdjudicationAt" IS NULL;
    RETURN NULL;
END $$;

-- Inserts mark once per statement, from its new rows: an import writes
-- thousands of spans in one INSERT, and a function call per span cost more
-- than the insert.
CREATE OR REPLACE FUNCTION slant_mark_inserted_since_adjudication() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "Article" SET "changedSinceAdjudicationAt" = now()
    WHERE id IN (SELECT DISTINCT n."articleId" FROM inserted n)
      AND "goldStatus" = 'ADJUDICATED' AND "changedSinceAdjudicationAt" IS NULL;
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "Annotation_changed_since_adjudication"
    AFTER DELETE OR UPDATE OF "articleId", "annotatorId", "labelId", start, "end", quote, note, attributes, "deletedAt" ON "Annotation"
    FOR EACH ROW EXECUTE FUNCTION slant_mark_changed_since_adjudication();

CREATE OR REPLACE TRIGGER "Annotation_inserted_since_adjudication" AFTER INSERT ON "Annotation" REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION slant_mark_inserted_since_adjudication();
