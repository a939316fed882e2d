import { describe, expect, it } from "vitest";
import { createArticle, getArticle, listArticles } from "../../lib/db/articles/articles";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { makeArticle, makeUser, rowCounts, unique } from "../support/factories";

describe("articles", () => {
  it("stores the body normalized (NFC, LF) with its hash and word count", async () => {
    const actor = await makeUser();
    const body = `Cafe\u0301 ${unique("x")}\r\n\r\n\r\nsecond  paragraph`;
    const created = await makeArticle(actor, { body });
    const stored = await getArticle({ actor, id: created.id });
    expect(stored?.body).toMatch(/^Caf\u00e9 x-[0-9a-f]+\n\nsecond {2}paragraph$/);
    expect(stored?.wordCount).toBe(4);
    expect(stored?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("rejects the same text twice with a CONFLICT naming the existing article, writing nothing", async () => {
    const actor = await makeUser();
    const body = `Duplicate ${unique("body")}`;
    const first = await makeArticle(actor, { body });
    const before = await rowCounts();
    const second = makeArticle(actor, { body: `${body}\r\n`, source: unique("Other source") });
    await expect(second).rejects.toBeInstanceOf(AppError);
    await expect(second).rejects.toMatchObject({ code: "CONFLICT", details: { existingArticleId: first.id } });
    expect(await rowCounts()).toEqual(before);
  });

  it("articles created at once under the same new source name all land in one source", async () => {
    const actor = await makeUser();
    const name = unique("Brand new outlet");
    const created = await Promise.all(Array.from({ length: 6 }, (_, i) => makeArticle(actor, { body: unique(`concurrent ${i}`), source: name })));
    expect(new Set(created.map((a) => a.source.id)).size).toBe(1);
    expect(await db().source.count({ where: { name } })).toBe(1);
  });

  it("an unknown source id is invalid input and writes nothing", async () => {
    const actor = await makeUser();
    const before = await rowCounts();
    await expect(
      createArticle({ actor, input: { source: { id: "00000000-0000-4000-8000-000000000000" }, title: "t", body: unique("b") } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await rowCounts()).toEqual(before);
  });

  it("lists newest first, filters by source and pages with a cursor", async () => {
    const actor = await makeUser();
    const source = unique("Paged source");
    const dates = ["2021-01-01", "2021-03-01", "2021-02-01", null];
    for (const publishedAt of dates) await makeArticle(actor, { source, publishedAt });
    const sourceId = (await db().source.findUniqueOrThrow({ where: { name: source } })).id;

    const first = await listArticles({ actor, query: { sourceId, limit: 2 } });
    expect(first.items.map((a) => a.publishedAt)).toEqual(["2021-03-01", "2021-02-01"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listArticles({ actor, query: { sourceId, limit: 2, cursor: first.nextCursor! } });
    expect(second.items.map((a) => a.publishedAt)).toEqual(["2021-01-01", null]);
    expect(second.nextCursor).toBeNull();
    expect(second.items.every((a) => a.source?.name === source)).toBe(true);
  });
});
