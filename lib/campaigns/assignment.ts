// Who annotates which article in a campaign (issue #15): pure rules, no
// database. A campaign wants `overlap` (k) different annotators per article
// and, when it balances panels by a profile field (e.g. leaning), one
// annotator of each of the field's values per article, as professional bias
// raters do (a left, a centre and a right rater on every article).
//
// Balance comes before even load: a group with few members gives each of them
// more articles. When the pool cannot balance an article (a value nobody in the
// pool has, or fewer slots than values), the article is filled from the other
// annotators, least loaded first, and reported as unbalanced with the reason,
// never silently. An annotator without a value for the field only fills slots
// beyond the groups.

export type PoolMember = { id: string; group: string | null };

export type Panel = {
  overlap: number;
  /** The balancing field's values in the order they are filled (e.g. ["left", "centre", "right"]); empty: no balancing. */
  groups: readonly string[];
};

export type Shortfall = { articleId: string; reason: string };

export type StaticPlan = {
  /** Article id → its annotators' ids, in the order their slots were filled. */
  byArticle: Map<string, string[]>;
  /** Articles that got fewer than `overlap` annotators or an unbalanced panel, and why. */
  shortfalls: Shortfall[];
};

/** The groups an article's panel still lacks, given who already has it. */
export function missingGroups(panel: Panel, holders: readonly PoolMember[]): string[] {
  const present = new Set(holders.map((h) => h.group));
  return panel.groups.filter((g) => !present.has(g));
}

/** Least loaded first; ties by id, so the same input always gives the same plan. */
const byLoad = (load: Map<string, number>) => (a: PoolMember, b: PoolMember) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The annotator for an article's next slot: someone of a group the panel
 * lacks while there are such slots, else the least loaded of everyone. Null
 * when nobody eligible is left. `rotation` spreads which groups come first
 * when there are fewer slots than groups.
 */
export function pickNext(panel: Panel, pool: readonly PoolMember[], holders: readonly PoolMember[], load: Map<string, number>, rotation = 0): PoolMember | null {
  const taken = new Set(holders.map((h) => h.id));
  const free = pool.filter((m) => !taken.has(m.id));
  if (free.length === 0 || holders.length >= panel.overlap) return null;
  const lacking = missingGroups(panel, holders);
  const order = lacking.map((_, i) => lacking[(i + rotation) % lacking.length]!);
  for (const group of order) {
    const candidate = free.filter((m) => m.group === group).sort(byLoad(load))[0];
    if (candidate) return candidate;
  }
  return free.sort(byLoad(load))[0] ?? null;
}

/** Why an article's panel is short or unbalanced; null when it is neither. */
export function shortfallOf(panel: Panel, pool: readonly PoolMember[], holders: readonly PoolMember[]): string | null {
  if (holders.length < panel.overlap) return `${holders.length} of ${panel.overlap} annotators: the pool has only ${pool.length}`;
  const lacking = missingGroups(panel, holders);
  const slotsForGroups = Math.min(panel.overlap, panel.groups.length);
  const covered = panel.groups.length - lacking.length;
  if (covered >= slotsForGroups) return null;
  const absent = lacking.filter((g) => !pool.some((m) => m.group === g));
  return absent.length > 0 ? `unbalanced: nobody in the pool has ${absent.map((g) => `"${g}"`).join(", ")}` : `unbalanced: lacks ${lacking.map((g) => `"${g}"`).join(", ")}`;
}

/**
 * The whole matrix at once (static assignment): each article in turn gets its
 * panel, groups first, then the least loaded annotators, so that loads stay
 * within one of each other wherever balance does not require otherwise.
 */
export function planStatic(articleIds: readonly string[], pool: readonly PoolMember[], panel: Panel, initialLoad?: ReadonlyMap<string, number>): StaticPlan {
  // `initialLoad`: articles each member already holds (articles added to a running campaign), so the new ones go to the least loaded.
  const load = new Map(pool.map((m) => [m.id, initialLoad?.get(m.id) ?? 0]));
  const byArticle = new Map<string, string[]>();
  const shortfalls: Shortfall[] = [];
  articleIds.forEach((articleId, index) => {
    const holders: PoolMember[] = [];
    for (let next = pickNext(panel, pool, holders, load, index); next; next = pickNext(panel, pool, holders, load, index)) {
      holders.push(next);
      load.set(next.id, (load.get(next.id) ?? 0) + 1);
    }
    byArticle.set(articleId, holders.map((h) => h.id));
    const reason = shortfallOf(panel, pool, holders);
    if (reason) shortfalls.push({ articleId, reason });
  });
  return { byArticle, shortfalls };
}

/** An article's state in a dynamic campaign: who holds it now (handed out, not abandoned) and who submitted it. */
export type ArticleSlots = { articleId: string; holders: readonly PoolMember[] };

/**
 * The next article for `who` in a dynamic campaign (each analyst pulls work):
 * one with a free slot they are not on, preferring the articles closest to
 * complete (so panels finish), and, where the panel is balanced, one whose
 * panel lacks their group, unless no such article exists and their group's
 * slots are not needed elsewhere (then one with a slot beyond the groups).
 * Null when nothing is left for them.
 */
export function pickArticle(articles: readonly ArticleSlots[], who: PoolMember, pool: readonly PoolMember[], panel: Panel): string | null {
  const open = articles.filter((a) => a.holders.length < panel.overlap && !a.holders.some((h) => h.id === who.id));
  const fits = (a: ArticleSlots) => {
    const lacking = missingGroups(panel, a.holders);
    if (who.group !== null && lacking.includes(who.group)) return 2; // fills a group slot
    // The slots this article still needs for groups that somebody in the pool can fill.
    const groupSlots = Math.min(lacking.filter((g) => pool.some((m) => m.group === g)).length, panel.overlap - a.holders.length);
    return panel.overlap - a.holders.length > groupSlots ? 1 : 0; // a free slot beyond the groups, or none for them
  };
  let best: { id: string; fit: number; held: number } | null = null;
  for (const a of open) {
    const fit = fits(a);
    if (fit === 0) continue;
    if (!best || fit > best.fit || (fit === best.fit && a.holders.length > best.held)) best = { id: a.articleId, fit, held: a.holders.length };
  }
  return best?.id ?? null;
}
