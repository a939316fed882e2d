import type { SeedData } from "../../seeds/load";
import type { Role } from "../schemas/user";
import { normalizeBody } from "../text/article-text";
import { contentHash } from "../text/content-hash";
import { createArticle } from "./articles";
import type { Db } from "./client";
import { createUser } from "./users";

// Every step creates what is missing and leaves what exists alone, so seeding
// twice changes nothing and never undoes an admin's edits.

export async function seedLabels(client: Db, labels: SeedData["labels"]): Promise<number> {
  let created = 0;
  for (const label of labels) {
    const exists = await client.label.findUnique({ where: { key: label.key }, select: { id: true } });
    if (exists) continue;
    const shortcutTaken = label.shortcut && (await client.label.findUnique({ where: { shortcut: label.shortcut } }));
    await client.label.create({ data: { ...label, shortcut: shortcutTaken ? null : label.shortcut } });
    created++;
  }
  return created;
}

export async function seedArticles(client: Db, data: Pick<SeedData, "sources" | "articles">): Promise<number> {
  for (const source of data.sources) {
    await client.source.upsert({ where: { name: source.name }, create: source, update: {} });
  }
  let created = 0;
  for (const article of data.articles) {
    const exists = await client.article.findUnique({ where: { contentHash: contentHash(normalizeBody(article.body)) }, select: { id: true } });
    if (exists) continue;
    await createArticle({ actor: null, client, input: { ...article, source: { name: article.source } } });
    created++;
  }
  return created;
}

export const demoAccounts: { email: string; name: string; role: Role }[] = [
  { email: "admin@example.org", name: "Ada Admin", role: "ADMIN" },
  { email: "reviewer@example.org", name: "Rhea Reviewer", role: "REVIEWER" },
  { email: "analyst1@example.org", name: "Amal Analyst", role: "ANALYST" },
  { email: "analyst2@example.org", name: "Ben Analyst", role: "ANALYST" },
];

export async function seedDemoUsers(client: Db, password: string): Promise<string[]> {
  const created: string[] = [];
  for (const account of demoAccounts) {
    const exists = await client.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (exists) continue;
    await createUser({ ...account, password }, client);
    created.push(account.email);
  }
  return created;
}
