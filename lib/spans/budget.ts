// What re-anchoring may spend. Approximate matching (approx-string-match,
// Myers' bit-parallel algorithm) costs about text length × ⌈pattern length /
// 32⌉ word operations to scan, and as much again over the pattern for every
// equally good match it then locates; a crafted text and quote make that
// quadratic. Six near-miss quotes in an 8 KB file took 25 s. Every search is
// charged here in those units before (scan) and after (match starts) it
// runs; when a quote's or a file's allowance is gone the quote is reported
// orphaned instead of searched further.

/** Roughly 10 ms of searching: a unit measured 10–40 ns on the 2-core bench machine (more under heavy load). */
export const QUOTE_SEARCH_UNITS = 500_000;
/** Roughly 10 s of searching for a whole import file: plenty for honest edits, a bound for crafted ones. */
export const FILE_SEARCH_UNITS = 500_000_000;

export class SearchBudgetExhausted extends Error {
  constructor() {
    super("the search for this quote exceeded its cost limit");
  }
}

export class SearchBudget {
  private spent = 0;

  constructor(
    readonly limit: number,
    private readonly parent: SearchBudget | null = null,
  ) {}

  get remaining(): number {
    return Math.min(this.limit - this.spent, this.parent ? this.parent.remaining : Infinity);
  }

  /** Throws SearchBudgetExhausted once more than the limit (this one's or a parent's) has been spent. */
  spend(units: number): void {
    this.spent += units;
    this.parent?.spend(units);
    if (this.spent > this.limit) throw new SearchBudgetExhausted();
  }

  /** A budget of at most `limit` that also draws on this one. */
  child(limit: number): SearchBudget {
    return new SearchBudget(limit, this);
  }
}

/** Units to scan `textLength` characters for a pattern of `patternLength`. */
export const scanCost = (textLength: number, patternLength: number) => textLength * Math.ceil(Math.max(1, patternLength) / 32);
