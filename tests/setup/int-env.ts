import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.SLANT_DATABASE_MODE = inject("databaseKind");
