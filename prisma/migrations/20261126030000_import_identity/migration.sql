-- Imports that can be repeated and moved between instances (issue #12).
--
-- Annotation.externalId keeps the id a span had in the file it was imported
-- from when that id is not a Slant UUID (a Label Studio region id, a
-- hand-written "a1"), so importing the same file again finds it. It is unique
-- per annotator and article: Label Studio region ids are only unique within a
-- task, and hand-written files reuse "r1" in every article. NULLs are
-- distinct, so spans made in Slant never collide.
ALTER TABLE "Annotation" ADD COLUMN "externalId" TEXT;
CREATE UNIQUE INDEX "Annotation_annotatorId_articleId_externalId_key" ON "Annotation"("annotatorId", "articleId", "externalId");

-- User.importKey marks an inactive account created by an import for an
-- annotator named in a file (its id there, or a pseudonym), so the next file
-- naming the same annotator finds the same account.
ALTER TABLE "User" ADD COLUMN "importKey" TEXT;
CREATE UNIQUE INDEX "User_importKey_key" ON "User"("importKey");
