// Where a value lives both in TypeScript and in the database's own functions,
// the TypeScript module is the one place it is written; this test reads the
// installed functions back and fails when the SQL names another value.
import { beforeAll, describe, expect, it } from "vitest";
import { ALL_ANNOTATORS_LAYER, CORPUS_LAYER, GOLD_LAYER } from "../../lib/aggregates/layers";
import { db } from "../../lib/db/client";
import { FIGURES_FOLD_LOCK } from "../../lib/db/locks";

type Fn = { name: string; body: string };

const ADVISORY_LOCK_CALL = /pg_(?:try_)?advisory(?:_xact)?_lock(?:_shared)?\s*\(\s*(\d+)\s*\)/g;
const UUID_LITERAL = /'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'/gi;

const matchesIn = (functions: Fn[], pattern: RegExp) =>
  functions.flatMap((f) => [...f.body.matchAll(pattern)].map((m) => ({ fn: f.name, value: m[1]! })));

describe("the database's functions name the values lib/ defines", () => {
  let functions: Fn[];

  beforeAll(async () => {
    functions = await db().$queryRaw<Fn[]>`
      SELECT p.proname AS name, p.prosrc AS body FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = current_schema() AND p.prolang <> (SELECT oid FROM pg_language WHERE lanname = 'c')`;
  });

  it("every advisory lock a function takes is FIGURES_FOLD_LOCK (lib/db/locks.ts), and the fold takes it", () => {
    const locks = matchesIn(functions, ADVISORY_LOCK_CALL);
    expect(locks.map((l) => l.fn)).toContain("slant_fold_rollups");
    for (const lock of locks) expect({ fn: lock.fn, id: BigInt(lock.value) }).toEqual({ fn: lock.fn, id: FIGURES_FOLD_LOCK });
  });

  it("every layer sentinel a function writes is one of lib/aggregates/layers.ts", () => {
    const sentinels = new Set([GOLD_LAYER, CORPUS_LAYER, ALL_ANNOTATORS_LAYER]);
    const literals = matchesIn(functions, UUID_LITERAL).map((l) => ({ fn: l.fn, value: l.value.toLowerCase() }));
    for (const literal of literals) expect(sentinels, `${literal.fn} names ${literal.value}`).toContain(literal.value);
    expect(new Set(literals.map((l) => l.value))).toEqual(sentinels);
  });
});
