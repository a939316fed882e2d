import type { SeedData } from "../../seeds/load";
import type { Role } from "../schemas/user";
import { normalizeBody } from "../text/article-text";
import { contentHash } from "../text/content-hash";
import { createArticle } from "./articles/articles";
import type { Db } from "./client";
import { createUser } from "./accounts/users";

// Every step creates what is missing and leaves what exists alone, so seeding
// twice changes nothing and never undoes an admin's edits. Several instances
// may seed one fresh database at once: every create is an INSERT that skips a
// row another instance made first (ON CONFLICT DO NOTHING), never a
// check-then-create, which races.

export async function seedLabels(client: Db, labels: SeedData["labels"]): Promise<number> {
  const first = await client.label.createMany({ data: labels, skipDuplicates: true });
  // A label skipped for its shortcut or role alone (an admin gave "3" or the
  // role to another label) is still created, without them.
  const present = new Set((await client.label.findMany({ select: { key: true } })).map((l) => l.key));
  const missing = labels.filter((label) => !present.has(label.key)).map((label) => ({ ...label, shortcut: null, role: null }));
  const second = missing.length ? await client.label.createMany({ data: missing, skipDuplicates: true }) : { count: 0 };
  return first.count + second.count;
}

export async function seedArticles(client: Db, data: Pick<SeedData, "sources" | "articles">): Promise<number> {
  await client.source.createMany({ data: data.sources, skipDuplicates: true });
  let created = 0;
  for (const article of data.articles) {
    const exists = await client.article.findUnique({ where: { contentHash: contentHash(normalizeBody(article.body)) }, select: { id: true } });
    if (exists) continue;
    try {
      await createArticle({ actor: null, client, input: { ...article, source: { name: article.source } } });
      created++;
    } catch (error) {
      if (!createdByAnother(error)) throw error;
    }
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
    try {
      await createUser({ ...account, password }, client);
      created.push(account.email);
    } catch (error) {
      if (!createdByAnother(error)) throw error;
    }
  }
  return created;
}

/** Another instance created the row between our look and our insert: it exists, as wanted. */
function createdByAnother(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2002" || code === "CONFLICT";
}
