-- The versioned annotation guideline (issue #14 §5, docs/decisions/0022).
CREATE TABLE "GuidelineVersion" (
    "number" INTEGER NOT NULL,
    "markdown" TEXT NOT NULL,
    "authorId" UUID NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuidelineVersion_pkey" PRIMARY KEY ("number"),
    CONSTRAINT "GuidelineVersion_number_positive" CHECK ("number" >= 1)
);

ALTER TABLE "GuidelineVersion" ADD CONSTRAINT "GuidelineVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A version is a record of what annotators were told: it is never edited or removed,
-- so a span's guidelineVersion always names the text it was made under.
CREATE FUNCTION "GuidelineVersion_immutable"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'GuidelineVersion rows are immutable: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "GuidelineVersion_no_update_or_delete"
    BEFORE UPDATE OR DELETE ON "GuidelineVersion"
    FOR EACH ROW EXECUTE FUNCTION "GuidelineVersion_immutable"();

-- No foreign key to GuidelineVersion: imported spans may carry the version number of
-- another Slant's guideline, and the number is a label for grouping, not a reference.
ALTER TABLE "Annotation" ADD COLUMN "guidelineVersion" INTEGER;
ALTER TABLE "GoldAnnotation" ADD COLUMN "guidelineVersion" INTEGER;
