-- Campaigns: assigned work with overlap k and balanced panels (issue #15 §1–3, docs/decisions/0023).
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'RUNNING', 'CLOSED');
CREATE TYPE "CampaignMode" AS ENUM ('STATIC', 'DYNAMIC');

CREATE TABLE "Campaign" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "mode" "CampaignMode" NOT NULL,
    "overlap" INTEGER NOT NULL,
    "balanceBy" TEXT,
    "labelKeys" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "guidelineVersion" INTEGER,
    "blindOutlet" BOOLEAN NOT NULL DEFAULT false,
    "abandonAfterMinutes" INTEGER,
    "dueAt" TIMESTAMPTZ(3),
    "shortfalls" JSONB NOT NULL DEFAULT '[]',
    "createdById" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Campaign_overlap_positive" CHECK ("overlap" >= 1),
    CONSTRAINT "Campaign_abandon_positive" CHECK ("abandonAfterMinutes" IS NULL OR "abandonAfterMinutes" >= 1)
);
CREATE INDEX "Campaign_status_idx" ON "Campaign"("status");
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "CampaignArticle" (
    "campaignId" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignArticle_pkey" PRIMARY KEY ("campaignId", "articleId")
);
CREATE INDEX "CampaignArticle_articleId_idx" ON "CampaignArticle"("articleId");
ALTER TABLE "CampaignArticle" ADD CONSTRAINT "CampaignArticle_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CampaignArticle" ADD CONSTRAINT "CampaignArticle_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "CampaignMember" (
    "campaignId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "CampaignMember_pkey" PRIMARY KEY ("campaignId", "userId")
);
CREATE INDEX "CampaignMember_userId_idx" ON "CampaignMember"("userId");
ALTER TABLE "CampaignMember" ADD CONSTRAINT "CampaignMember_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CampaignMember" ADD CONSTRAINT "CampaignMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "CampaignAssignment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "campaignId" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "handedOutAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "abandonedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CampaignAssignment_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CampaignAssignment_campaignId_articleId_userId_key" ON "CampaignAssignment"("campaignId", "articleId", "userId");
CREATE INDEX "CampaignAssignment_userId_campaignId_idx" ON "CampaignAssignment"("userId", "campaignId");
ALTER TABLE "CampaignAssignment" ADD CONSTRAINT "CampaignAssignment_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CampaignAssignment" ADD CONSTRAINT "CampaignAssignment_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CampaignAssignment" ADD CONSTRAINT "CampaignAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
