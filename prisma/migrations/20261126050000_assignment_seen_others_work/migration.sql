-- Submitting is final for analysts: once submitted they may read the other
-- annotators' work on the article. When a reviewer reopens a submitted
-- assignment, the layer is marked here as having (possibly) seen it, so the
-- compare view and agreement can tell that this layer is no longer blind.

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "seenOthersWorkAt" TIMESTAMPTZ(3);
