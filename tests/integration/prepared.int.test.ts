import { afterAll, describe, expect, it } from "vitest";
import { connectDb, db } from "../../lib/db/client";
import { prepared } from "../../lib/db/raw";
import { Prisma } from "../../lib/db/generated/client";

// The annotator's hot statements are prepared once per connection on both
// databases (lib/db/raw.ts). On the embedded one every connection shares one
// session: two connections preparing the same statement must not collide, and
// the statement must stay prepared rather than be planned again at each call.

const mode = process.env.SLANT_DATABASE_MODE === "embedded" ? "embedded" : "postgres";
const second = connectDb(process.env.DATABASE_URL!, mode);
afterAll(() => second.$disconnect());

const statement = (marker: string) => Prisma.sql`SELECT ${marker}::text AS marker, count(*)::int AS n FROM "Label" WHERE key <> ${"none"}`;

describe("prepared statements", () => {
  it("are prepared once and then reused by the connection that made them", async () => {
    const text = statement("reuse").text;
    for (let i = 0; i < 3; i++) expect(await prepared<{ marker: string }>(db(), statement("reuse"))).toEqual([expect.objectContaining({ marker: "reuse" })]);
    const [row] = await prepared<{ count: number }>(db(), Prisma.sql`SELECT count(*)::int AS count FROM pg_prepared_statements WHERE statement = ${text}`);
    expect(row?.count).toBe(1);
  });

  it("on two connections at once, each has its own and neither refuses the other's", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => prepared<{ marker: string }>(i % 2 ? db() : second, statement("both"))));
    expect(results.flat().map((r) => r.marker)).toEqual(Array(6).fill("both"));
    const [row] = await prepared<{ count: number }>(second, Prisma.sql`SELECT count(*)::int AS count FROM pg_prepared_statements WHERE statement = ${statement("both").text}`);
    // A server gives each connection a session of its own; the embedded database shows both connections' statements.
    expect(row?.count).toBe(mode === "embedded" ? 2 : 1);
  });

  it("a statement the database refuses leaves the connection usable", async () => {
    await expect(prepared(db(), Prisma.sql`SELECT ${"not a uuid"}::uuid AS id`)).rejects.toMatchObject({ code: "22P02" });
    expect(await prepared<{ marker: string }>(db(), statement("after"))).toEqual([expect.objectContaining({ marker: "after" })]);
  });
});
