import { defineConfig } from "prisma/config";

// The URL is only read by Prisma's own CLI (`prisma migrate deploy/status`);
// the app connects through lib/db/client.ts and migrates with lib/db/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/slant" },
});
