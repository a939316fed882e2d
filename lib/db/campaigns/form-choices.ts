// What the campaign form offers: people (with their profile values, which reviewers may see),
// the choice fields panels can balance by, sources, recent articles, labels and guideline versions.
import { authorize, type Actor } from "../../auth/policy";
import type { CampaignFormChoices } from "../../schemas/responses/campaigns";
import { db } from "../client";

/** Articles offered for choosing by hand, newest first; larger sets are chosen by filter. */
export const HAND_PICK_ARTICLES = 300;


const asValues = (profile: unknown): Record<string, string> =>
  typeof profile === "object" && profile !== null && !Array.isArray(profile)
    ? Object.fromEntries(Object.entries(profile).filter((e): e is [string, string] => typeof e[1] === "string"))
    : {};

export async function campaignFormChoices(args: { actor: Actor }): Promise<CampaignFormChoices> {
  authorize(args.actor, "campaign:manage");
  const client = db();
  const [people, fields, sources, articles, labels, versions] = await Promise.all([
    client.user.findMany({ where: { deactivatedAt: null, importKey: null }, select: { id: true, name: true, role: true, profile: true }, orderBy: { name: "asc" } }),
    client.profileField.findMany({ where: { type: "CHOICE" }, select: { key: true, name: true, options: true }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
    client.source.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    client.article.findMany({ select: { id: true, title: true, source: { select: { name: true } } }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: HAND_PICK_ARTICLES }),
    client.label.findMany({ where: { retiredAt: null }, select: { key: true, name: true }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }] }),
    client.guidelineVersion.findMany({ select: { number: true }, orderBy: { number: "desc" } }),
  ]);
  return {
    people: people.map((p) => ({ ...p, profile: asValues(p.profile) })),
    balanceFields: fields,
    sources,
    articles: articles.map((a) => ({ id: a.id, title: a.title, source: a.source.name })),
    labels,
    guidelineVersions: versions.map((v) => v.number),
  };
}

/** Whether the person has campaign work (their home page is then My work). */
export async function hasCampaignWork(args: { actor: Actor }): Promise<boolean> {
  const found = await db().campaignAssignment.findFirst({ where: { userId: args.actor.id, abandonedAt: null, campaign: { status: "RUNNING" } }, select: { id: true } });
  if (found) return true;
  return (await db().campaignMember.count({ where: { userId: args.actor.id, campaign: { status: "RUNNING", mode: "DYNAMIC" } } })) > 0;
}
