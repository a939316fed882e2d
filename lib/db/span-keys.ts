import type pg from "pg";
import { spanKeys } from "../aggregates/normalize";

// The migration runner's key step (decision 0015): spans written before their
// figure keys existed (NULL "quoteKey") get them from the same TypeScript
// function every writer calls (spanKeys), in batches, inside the runner's
// locked transaction. The delta triggers stand aside meanwhile
// (slant_keying()): the runner rebuilds the figures from the keys afterwards.

const BATCH = 5000;
const TABLES = ["Annotation", "GoldAnnotation"] as const;

type Unkeyed = { id: string; quote: string; attributes: unknown };

/** Keys every unkeyed span; returns how many it keyed. Run inside a transaction. */
export async function keyUnkeyedSpans(client: pg.ClientBase): Promise<number> {
  await client.query(`SELECT set_config('slant.keying', 'on', true)`);
  let keyed = 0;
  for (const table of TABLES) {
    // After the last batch's id: the rows keyed in this transaction stay in the partial index as
    // dead entries until it commits, so starting from the first id again would be quadratic.
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const { rows } = await client.query<Unkeyed>(
        `SELECT id, quote, attributes FROM "${table}" WHERE "quoteKey" IS NULL AND id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      after = rows.at(-1)!.id;
      const keys = rows.map(spanKeys);
      await client.query(
        `UPDATE "${table}" t SET "attributionKind" = k.kind, "quoteKey" = k.quote, "speakerKey" = k.speaker, "speakerName" = k.name
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) k(id, kind, quote, speaker, name) WHERE t.id = k.id`,
        [rows.map((r) => r.id), keys.map((k) => k.attributionKind), keys.map((k) => k.quoteKey), keys.map((k) => k.speakerKey), keys.map((k) => k.speakerName)],
      );
      keyed += rows.length;
    }
  }
  await client.query(`SELECT set_config('slant.keying', 'off', true)`);
  return keyed;
}
