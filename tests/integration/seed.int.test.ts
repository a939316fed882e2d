import { describe, expect, it } from "vitest";
import { connectDb, db } from "../../lib/db/client";
import { demoAccounts, seedArticles, seedDemoUsers, seedLabels } from "../../lib/db/seed";
import { loadSeeds } from "../../seeds/load";
import { rowCounts } from "../support/factories";
import { freshDatabase } from "../support/fresh-database";

describe("seeding", () => {
  it("creates the labels, both seed articles under their sources and the demo accounts, and a second run changes nothing", async () => {
    const seeds = await loadSeeds();
    await seedLabels(db(), seeds.labels);
    await seedArticles(db(), seeds);
    await seedDemoUsers(db(), "demo-password-1");
    const once = await rowCounts();

    expect(await seedLabels(db(), seeds.labels)).toBe(0);
    expect(await seedArticles(db(), seeds)).toBe(0);
    expect(await seedDemoUsers(db(), "another-password")).toEqual([]);
    expect(await rowCounts()).toEqual(once);

    // Other tests add labels of their own to this database: the seeded ones are looked at.
    const labels = await db().label.findMany({ where: { key: { in: seeds.labels.map((l) => l.key) } }, orderBy: { sortOrder: "asc" } });
    expect(labels.map((l) => [l.key, l.shortcut])).toEqual([
      ["claim", "1"],
      ["attribution", "2"],
      ["loaded_language", "3"],
      ["unverified", "4"],
    ]);
    // Their attribute fields are data on the row, under the keys stored spans use.
    expect(labels.map((l) => [l.key, (l.attributes as { key: string }[]).map((f) => f.key)])).toEqual([
      ["claim", ["checkworthy"]],
      ["attribution", ["speaker", "kind"]],
      ["loaded_language", ["connotation"]],
      ["unverified", ["missingEvidence"]],
    ]);
    const almayadeen = await db().article.findFirstOrThrow({ where: { source: { name: "Al Mayadeen English" } } });
    expect(almayadeen.body.startsWith("Following Turkish Foreign Minister")).toBe(true);
    expect(almayadeen.body.endsWith("resolution to the 11-year-long crisis.")).toBe(true);
    const southFront = await db().article.findFirstOrThrow({ where: { source: { name: "South Front" } } });
    expect(southFront.body.startsWith("Chaos is brewing")).toBe(true);
    expect(southFront.body).not.toContain("read this article in German");
  });

  it("three instances seeding one fresh database at once all succeed and create everything exactly once", async ({ skip }) => {
    if (process.env.SLANT_DATABASE_MODE === "embedded") skip("one instance per embedded database: its socket serves one client session at a time");
    const database = await freshDatabase();
    const clients = [0, 1, 2].map(() => connectDb(database.url, "postgres"));
    try {
      const seeds = await loadSeeds();
      const seedAll = async (client: (typeof clients)[number]) => {
        const labels = await seedLabels(client, seeds.labels);
        const articles = await seedArticles(client, seeds);
        const accounts = await seedDemoUsers(client, "demo-password");
        return { labels, articles, accounts: accounts.length };
      };
      const results = await Promise.all(clients.map(seedAll));
      const total = (key: "labels" | "articles" | "accounts") => results.reduce((sum, r) => sum + r[key], 0);
      expect(total("labels")).toBe(seeds.labels.length);
      expect(total("articles")).toBe(seeds.articles.length);
      expect(total("accounts")).toBe(demoAccounts.length);
      const [client] = clients;
      expect(await client!.label.count()).toBe(seeds.labels.length);
      expect(await client!.article.count()).toBe(seeds.articles.length);
      expect(await client!.user.count()).toBe(demoAccounts.length);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
      await database.dispose();
    }
  });

  it("the audit log refuses updates and deletes", async () => {
    const event = await db().auditEvent.create({ data: { action: "test.event", entityType: "Test", entityId: "1" } });
    await expect(db().auditEvent.update({ where: { id: event.id }, data: { action: "changed" } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });
});
