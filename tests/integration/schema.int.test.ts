import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type DmmfField = { name: string; kind: string; type: string; isRequired: boolean; isList: boolean; nativeType: [string, string[]] | null };
type Dmmf = { datamodel: { models: { name: string; dbName: string | null; fields: DmmfField[] }[]; enums: { name: string; values: { name: string }[] }[] } };

const dmmf = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", readFileSync("prisma/schema.prisma", "utf8")]] })),
) as Dmmf;

/** The Postgres type Prisma Migrate creates for a field (an array's udt name is its element's, prefixed with "_"). */
function expectedType(field: DmmfField): string {
  return field.isList ? `_${elementType(field)}` : elementType(field);
}

function elementType(field: DmmfField): string {
  if (field.kind === "enum") return field.type;
  const native = field.nativeType?.[0];
  if (native === "Uuid") return "uuid";
  if (native === "Date") return "date";
  if (native === "Timestamptz") return "timestamptz";
  const byPrismaType: Record<string, string> = { String: "text", Int: "int4", BigInt: "int8", Boolean: "bool", DateTime: "timestamp", Json: "jsonb", Float: "float8", Bytes: "bytea" };
  return byPrismaType[field.type] ?? `unmapped:${field.type}`;
}

describe("the migrated database matches prisma/schema.prisma", () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let columns: Map<string, { udt: string; nullable: boolean }>;

  beforeAll(async () => {
    await client.connect();
    const { rows } = await client.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    columns = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, { udt: r.udt_name, nullable: r.is_nullable === "YES" }]));
  });
  afterAll(() => client.end());

  const scalarFields = dmmf.datamodel.models.flatMap((model) =>
    model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum").map((f) => [model.dbName ?? model.name, f] as const),
  );

  it("the schema has models to check", () => {
    expect(scalarFields.length).toBeGreaterThan(40);
  });

  it.each(scalarFields.map(([table, f]) => [`${table}.${f.name}`, f] as const))("%s has the right column type and nullability", (key, field) => {
    const column = columns.get(key);
    expect(column, `column ${key} is missing`).toBeDefined();
    expect(column?.udt).toBe(expectedType(field));
    expect(column?.nullable).toBe(!field.isRequired);
  });

  it.each(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)] as const))("enum %s has the schema's values in order", async (name, values) => {
    const { rows } = await client.query<{ label: string }>(
      `SELECT e.enumlabel AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder`,
      [name],
    );
    expect(rows.map((r) => r.label)).toEqual(values);
  });

  it("has no table the schema does not know (besides Prisma's migration table)", async () => {
    // Views (prisma/sql/*.sql, decision 0015) are code, not tables.
    const { rows } = await client.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    const known = new Set([...dmmf.datamodel.models.map((m) => m.dbName ?? m.name), "_prisma_migrations"]);
    expect(rows.map((r) => r.table_name).filter((t) => !known.has(t))).toEqual([]);
  });
});
