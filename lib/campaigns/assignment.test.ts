import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pickArticle, planStatic, type ArticleSlots, type Panel, type PoolMember } from "./assignment";

const LEANINGS = ["left", "centre", "right"] as const;

const poolArb = fc
  .array(fc.option(fc.constantFrom(...LEANINGS), { nil: null }), { minLength: 1, maxLength: 12 })
  .map((groups) => groups.map((group, i): PoolMember => ({ id: `u${String(i).padStart(2, "0")}`, group })));
const articlesArb = fc.integer({ min: 1, max: 40 }).map((n) => Array.from({ length: n }, (_, i) => `a${i}`));
const panelArb = fc.record({ overlap: fc.integer({ min: 1, max: 5 }), balanced: fc.boolean() }).map(({ overlap, balanced }): Panel => ({ overlap, groups: balanced ? LEANINGS : [] }));

const groupsOf = (ids: string[], pool: PoolMember[]) => new Set(ids.map((id) => pool.find((m) => m.id === id)!.group));

describe("planStatic", () => {
  it("never exceeds the overlap, never repeats an annotator, and gives every article min(k, pool) annotators", () => {
    fc.assert(
      fc.property(articlesArb, poolArb, panelArb, (articles, pool, panel) => {
        const { byArticle } = planStatic(articles, pool, panel);
        for (const id of articles) {
          const holders = byArticle.get(id)!;
          expect(new Set(holders).size).toBe(holders.length);
          expect(holders.length).toBe(Math.min(panel.overlap, pool.length));
        }
      }),
    );
  });

  it("balances every panel whenever each group has a member: one of each group while slots allow", () => {
    fc.assert(
      fc.property(articlesArb, poolArb, fc.integer({ min: 1, max: 5 }), (articles, pool, overlap) => {
        const panel: Panel = { overlap, groups: LEANINGS };
        const everyGroupPresent = LEANINGS.every((g) => pool.some((m) => m.group === g));
        const { byArticle, shortfalls } = planStatic(articles, pool, panel);
        for (const id of articles) {
          const present = groupsOf(byArticle.get(id)!, pool);
          const covered = LEANINGS.filter((g) => present.has(g)).length;
          if (everyGroupPresent) expect(covered).toBe(Math.min(overlap, LEANINGS.length, byArticle.get(id)!.length));
        }
        if (everyGroupPresent && pool.length >= overlap) expect(shortfalls).toEqual([]);
      }),
    );
  });

  it("keeps loads within one of each other when it does not balance", () => {
    fc.assert(
      fc.property(articlesArb, poolArb, fc.integer({ min: 1, max: 5 }), (articles, pool, overlap) => {
        const { byArticle } = planStatic(articles, pool, { overlap, groups: [] });
        const load = new Map(pool.map((m) => [m.id, 0]));
        for (const holders of byArticle.values()) for (const id of holders) load.set(id, load.get(id)! + 1);
        expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("given the loads members already carry, gives added articles to the least loaded first", () => {
    const pool: PoolMember[] = [
      { id: "a", group: null },
      { id: "b", group: null },
      { id: "c", group: null },
    ];
    const plan = planStatic(["x", "y", "z"], pool, { overlap: 1, groups: [] }, new Map([["a", 2], ["b", 0], ["c", 1]]));
    // b (0) takes x; b and c tie at 1 (ties by id) for y; then c is least loaded.
    expect([...plan.byArticle.values()]).toEqual([["b"], ["b"], ["c"]]);
  });

  it("says which articles are short and why, naming a value nobody in the pool has", () => {
    const pool: PoolMember[] = [
      { id: "l1", group: "left" },
      { id: "l2", group: "left" },
      { id: "c1", group: "centre" },
    ];
    const plan = planStatic(["x", "y"], pool, { overlap: 3, groups: LEANINGS });
    expect(plan.byArticle.get("x")).toHaveLength(3);
    expect(plan.shortfalls).toEqual([
      { articleId: "x", reason: 'unbalanced: nobody in the pool has "right"' },
      { articleId: "y", reason: 'unbalanced: nobody in the pool has "right"' },
    ]);
    expect(planStatic(["x"], pool, { overlap: 4, groups: [] }).shortfalls).toEqual([{ articleId: "x", reason: "3 of 4 annotators: the pool has only 3" }]);
  });
});

describe("pickArticle (dynamic: each analyst pulls the next article)", () => {
  it("in any order of pulls, never over-assigns, never hands an article twice to one person, and balances when the pool allows", () => {
    fc.assert(
      fc.property(articlesArb, poolArb, panelArb, fc.array(fc.nat(), { maxLength: 300 }), (articleIds, pool, panel, pulls) => {
        const slots = new Map(articleIds.map((id) => [id, [] as PoolMember[]]));
        const view = (): ArticleSlots[] => articleIds.map((articleId) => ({ articleId, holders: slots.get(articleId)! }));
        for (const pull of pulls) {
          const who = pool[pull % pool.length]!;
          const id = pickArticle(view(), who, pool, panel);
          if (id === null) continue;
          const holders = slots.get(id)!;
          expect(holders.some((h) => h.id === who.id)).toBe(false);
          holders.push(who);
          expect(holders.length).toBeLessThanOrEqual(panel.overlap);
        }
        // Everyone pulls until nothing is left: every article then reaches min(k, pool), balanced whenever each group has a member.
        for (let progress = true; progress; ) {
          progress = false;
          for (const who of pool) {
            const id = pickArticle(view(), who, pool, panel);
            if (id === null) continue;
            slots.get(id)!.push(who);
            progress = true;
          }
        }
        const everyGroupPresent = panel.groups.every((g) => pool.some((m) => m.group === g));
        for (const holders of slots.values()) {
          expect(holders.length).toBeLessThanOrEqual(panel.overlap);
          if (everyGroupPresent && panel.groups.length > 0) {
            const present = groupsOf(holders.map((h) => h.id), pool);
            expect(panel.groups.filter((g) => present.has(g)).length).toBe(Math.min(panel.overlap, panel.groups.length, holders.length));
          }
        }
      }),
    );
  });

  it("prefers the article closest to a full panel, and a slot of the analyst's own group", () => {
    const pool: PoolMember[] = [
      { id: "l", group: "left" },
      { id: "c", group: "centre" },
      { id: "r", group: "right" },
    ];
    const panel: Panel = { overlap: 3, groups: LEANINGS };
    const articles: ArticleSlots[] = [
      { articleId: "empty", holders: [] },
      { articleId: "half", holders: [pool[0]!] },
      { articleId: "needs-right", holders: [pool[0]!, pool[1]!] },
    ];
    expect(pickArticle(articles, pool[2]!, pool, panel)).toBe("needs-right");
    expect(pickArticle(articles, pool[1]!, pool, panel)).toBe("half");
    // Another left analyst cannot take the slot a right analyst in the pool is to fill.
    const secondLeft: PoolMember = { id: "l2", group: "left" };
    expect(pickArticle([articles[2]!], secondLeft, [...pool, secondLeft], panel)).toBeNull();
    expect(pickArticle([articles[2]!], secondLeft, [...pool, secondLeft], { overlap: 4, groups: LEANINGS })).toBe("needs-right");
  });
});
