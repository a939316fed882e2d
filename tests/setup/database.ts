import type { TestProject } from "vitest/node";
import { freshDatabase } from "../support/fresh-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgres" | "embedded";
  }
}

// One fresh database for the whole integration run; each test creates its own rows.
export default async function setup(project: TestProject) {
  const database = await freshDatabase();
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", database.kind);
  console.log(`integration tests on a fresh ${database.kind} database`);
  return () => database.dispose();
}
