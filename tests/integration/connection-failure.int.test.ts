// Real failures, not hand-made error objects: a refused connection, a
// connection the server ends, and errors that are about the query instead.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { connectDb, db } from "../../lib/db/client";
import { isConnectionFailure } from "../../lib/db/connection-failure";

// Nothing listens on port 1: connecting is refused at once.
const NOBODY_THERE = "postgresql://postgres@127.0.0.1:1/postgres";

const failureOf = (work: () => Promise<unknown>) => work().then(
  () => expect.unreachable("the query succeeded"),
  (error: unknown) => error,
);

describe("isConnectionFailure", () => {
  it("is true for a refused connection, through Prisma and through plain pg", async () => {
    const unreachable = connectDb(NOBODY_THERE);
    try {
      expect(isConnectionFailure(await failureOf(() => unreachable.$queryRaw`SELECT 1`))).toBe(true);
    } finally {
      await unreachable.$disconnect();
    }
    const client = new pg.Client({ connectionString: NOBODY_THERE });
    expect(isConnectionFailure(await failureOf(() => client.connect()))).toBe(true);
  });

  it("is true when the server ends the connection", async ({ skip }) => {
    if (process.env.SLANT_DATABASE_MODE === "embedded") skip("one PGlite session: there is no other backend to end");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client.on("error", () => {}); // the pool's socket closes after the error below
    await client.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const error = await failureOf(() => client.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]));
    await client.end().catch(() => {});
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    ["a syntax error", () => db().$queryRaw`SELEC 1`],
    ["a division by zero", () => db().$queryRaw`SELECT 1 / 0`],
    ["a missing row", () => db().user.update({ where: { id: "00000000-0000-4000-8000-000000000000" }, data: { name: "x" } })],
  ])("is false for %s", async (_name, query) => {
    expect(isConnectionFailure(await failureOf(query))).toBe(false);
  });
});
