// Creating and editing campaigns (issue #15 §1): reviewers and admins.
import { authorize, type Actor } from "../../auth/policy";
import { AppError } from "../../errors";
import { DRAFT_ONLY_SETTINGS, type CreateCampaignInput, type UpdateCampaignInput } from "../../schemas/campaigns";
import type { CampaignDetail } from "../../schemas/responses/campaigns";
import { recordAudit } from "../audit";
import { db } from "../client";
import type { Prisma } from "../generated/client";
import { lockCampaign } from "./locked";
import { getCampaign } from "./read";
import { checkAnnotators, checkBalanceField, checkGuidelineVersion, checkLabels, resolveArticles } from "./settings";
import { handOutAdded } from "./start";

const MODE = { static: "STATIC", dynamic: "DYNAMIC" } as const;

export async function createCampaign(args: { actor: Actor; input: CreateCampaignInput }): Promise<CampaignDetail> {
  const { actor, input } = args;
  authorize(actor, "campaign:manage");
  const id = await db().$transaction(
    async (tx) => {
      const annotatorIds = await checkAnnotators(tx, input.annotatorIds);
      await checkBalanceField(tx, input.balanceBy);
      await checkLabels(tx, input.labels);
      await checkGuidelineVersion(tx, input.guidelineVersion);
      const articleIds = await resolveArticles(tx, input.articleIds, input.filter);
      const campaign = await tx.campaign.create({
        data: {
          name: input.name,
          description: input.description ?? "",
          mode: MODE[input.assignment],
          overlap: input.overlap,
          balanceBy: input.balanceBy ?? null,
          labelKeys: input.labels ?? [],
          guidelineVersion: input.guidelineVersion ?? null,
          blindOutlet: input.blindOutlet ?? false,
          abandonAfterMinutes: input.abandonAfterMinutes ?? null,
          dueAt: input.dueAt ? new Date(input.dueAt) : null,
          createdById: actor.id,
        },
        select: { id: true },
      });
      await tx.campaignMember.createMany({ data: annotatorIds.map((userId) => ({ campaignId: campaign.id, userId })) });
      await tx.campaignArticle.createMany({ data: articleIds.map((articleId, position) => ({ campaignId: campaign.id, articleId, position })) });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "campaign.create",
        entityType: "Campaign",
        entityId: campaign.id,
        after: { name: input.name, assignment: input.assignment, overlap: input.overlap, balanceBy: input.balanceBy ?? null, annotators: annotatorIds.length, articles: articleIds.length },
      });
      return campaign.id;
    },
    { timeout: 60_000 },
  );
  return getCampaign({ actor, id });
}

/** Edits a draft freely; a running campaign keeps its matrix settings and only takes a new name, description, due date and more articles. */
export async function updateCampaign(args: { actor: Actor; id: string; input: UpdateCampaignInput }): Promise<CampaignDetail> {
  const { actor, id, input } = args;
  authorize(actor, "campaign:manage");
  await db().$transaction(
    async (tx) => {
      const campaign = await lockCampaign(tx, id);
      const draftOnly = DRAFT_ONLY_SETTINGS.filter((k) => input[k] !== undefined);
      if (campaign.status !== "DRAFT" && draftOnly.length) {
        throw new AppError("CONFLICT", `The campaign is ${campaign.status.toLowerCase()}: only a draft's ${draftOnly.join(", ")} may change.`, { status: campaign.status, settings: draftOnly });
      }
      if (campaign.status === "CLOSED" && (input.addArticleIds?.length || input.addFilter)) throw new AppError("CONFLICT", "The campaign is closed: no articles may be added.", { status: campaign.status });
      if (input.status === "CLOSED" && (input.addArticleIds?.length || input.addFilter)) throw new AppError("INVALID_INPUT", "Close a campaign or add articles to it, not both at once.", { status: input.status });
      if (input.annotatorIds) {
        const annotatorIds = await checkAnnotators(tx, input.annotatorIds);
        await tx.campaignMember.deleteMany({ where: { campaignId: id } });
        await tx.campaignMember.createMany({ data: annotatorIds.map((userId) => ({ campaignId: id, userId })) });
      }
      await checkBalanceField(tx, input.balanceBy);
      await checkLabels(tx, input.labels);
      await checkGuidelineVersion(tx, input.guidelineVersion);
      const data: Prisma.CampaignUpdateInput = {
        ...(input.status === "CLOSED" ? { status: "CLOSED" as const } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.dueAt !== undefined ? { dueAt: input.dueAt ? new Date(input.dueAt) : null } : {}),
        ...(input.labels !== undefined ? { labelKeys: input.labels } : {}),
        ...(input.guidelineVersion !== undefined ? { guidelineVersion: input.guidelineVersion } : {}),
        ...(input.overlap !== undefined ? { overlap: input.overlap } : {}),
        ...(input.balanceBy !== undefined ? { balanceBy: input.balanceBy } : {}),
        ...(input.blindOutlet !== undefined ? { blindOutlet: input.blindOutlet } : {}),
        ...(input.assignment !== undefined ? { mode: MODE[input.assignment] } : {}),
        ...(input.abandonAfterMinutes !== undefined ? { abandonAfterMinutes: input.abandonAfterMinutes } : {}),
      };
      await tx.campaign.update({ where: { id }, data, select: { id: true } });
      let added: string[] = [];
      if (input.addArticleIds?.length || input.addFilter) {
        const wanted = await resolveArticles(tx, input.addArticleIds, input.addFilter);
        const present = new Set((await tx.campaignArticle.findMany({ where: { campaignId: id, articleId: { in: wanted } }, select: { articleId: true } })).map((a) => a.articleId));
        added = wanted.filter((a) => !present.has(a));
        const last = (await tx.campaignArticle.aggregate({ where: { campaignId: id }, _max: { position: true } }))._max.position ?? -1;
        await tx.campaignArticle.createMany({ data: added.map((articleId, i) => ({ campaignId: id, articleId, position: last + 1 + i })) });
        // A running static campaign hands the new articles out at once; a dynamic one offers them on the next pull.
        if (campaign.status === "RUNNING" && campaign.mode === "STATIC") await handOutAdded(tx, campaign, added);
      }
      const settings = Object.fromEntries(Object.entries(input).filter(([key]) => key !== "addArticleIds" && key !== "addFilter"));
      await recordAudit(tx, { actorId: actor.id, action: "campaign.update", entityType: "Campaign", entityId: id, after: { ...settings, addedArticles: added.length } });
    },
    { timeout: 60_000 },
  );
  return getCampaign({ actor, id });
}
