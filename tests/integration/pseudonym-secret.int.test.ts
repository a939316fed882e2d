import { describe, expect, it } from "vitest";
import { authSecretFrom, env } from "../../lib/env";
import { connectDb, db } from "../../lib/db/client";
import { exportArticles } from "../../lib/db/export/datasets";
import { pseudonymSecret } from "../../lib/db/export/pseudonym-secret";
import { migrate } from "../../lib/db/migrate";
import { pseudonymFor } from "../../lib/datasets/pseudonym";
import { freshDatabase } from "../support/fresh-database";
import { makeArticle, makeUser } from "../support/factories";
import { createAnnotation } from "../../lib/db/spans/annotations";
import { seedLabels } from "../../lib/db/seed";
import { loadSeeds } from "../../seeds/load";

// Export pseudonyms are keyed by their own secret (decision 0018): made by a
// migration, once per database, read by every web process and the CLI alike.

describe("the pseudonym secret", () => {
  it("is made by the migrations: long, random, and kept when the migrations run again", async () => {
    const stored = await db().storedSecret.findUniqueOrThrow({ where: { name: "pseudonym" } });
    expect(stored.value).toMatch(/^[0-9a-f]{64}$/);
    await migrate(process.env.DATABASE_URL!);
    expect(await pseudonymSecret()).toBe(stored.value);
    expect(env().SLANT_PSEUDONYM_SECRET).toBeUndefined();
    expect(stored.value).not.toBe(authSecretFrom(env()));
  });

  it("is another on another database, so two instances' datasets do not share pseudonyms by accident", async () => {
    const other = await freshDatabase();
    const client = connectDb(other.url, other.kind);
    try {
      expect(await pseudonymSecret(client)).toMatch(/^[0-9a-f]{64}$/);
      expect(await pseudonymSecret(client)).not.toBe(await pseudonymSecret());
    } finally {
      await client.$disconnect();
      await other.dispose();
    }
  });

  it("keys the pseudonyms of an export that asks for them with it", async () => {
    await seedLabels(db(), (await loadSeeds()).labels);
    const [analyst, reviewer] = [await makeUser("ANALYST"), await makeUser("REVIEWER")];
    const article = await makeArticle(analyst, { body: "The regime's mouthpiece said so." });
    await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "loaded_language", start: 4, end: 10, quote: "regime" } });
    const filters = { sourceId: [article.source.id], label: [], annotator: [], gold: false, pseudonymize: true, annotationsOnly: false };
    const ids: string[] = [];
    for await (const exported of exportArticles({ actor: reviewer, filters, pseudonymSecret: await pseudonymSecret() })) ids.push(...exported.annotations.map((a) => a.annotator.id));
    expect(ids).toEqual([pseudonymFor(analyst.id, await pseudonymSecret())]);
  });
});
