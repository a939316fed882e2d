import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { seedArticles, seedDemoUsers, seedLabels } from "../../lib/db/seed";
import { loadSeeds } from "../../seeds/load";
import { rowCounts } from "../support/factories";

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

    const labels = await db().label.findMany({ orderBy: { sortOrder: "asc" } });
    expect(labels.map((l) => [l.key, l.shortcut])).toEqual([
      ["claim", "1"],
      ["attribution", "2"],
      ["loaded_language", "3"],
      ["unverified", "4"],
    ]);
    const almayadeen = await db().article.findFirstOrThrow({ where: { source: { name: "Al Mayadeen English" } } });
    expect(almayadeen.body.startsWith("Following Turkish Foreign Minister")).toBe(true);
    expect(almayadeen.body.endsWith("resolution to the 11-year-long crisis.")).toBe(true);
    const southFront = await db().article.findFirstOrThrow({ where: { source: { name: "South Front" } } });
    expect(southFront.body.startsWith("Chaos is brewing")).toBe(true);
    expect(southFront.body).not.toContain("read this article in German");
  });

  it("the audit log refuses updates and deletes", async () => {
    const event = await db().auditEvent.create({ data: { action: "test.event", entityType: "Test", entityId: "1" } });
    await expect(db().auditEvent.update({ where: { id: event.id }, data: { action: "changed" } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });
});
