// npm run db:seed [-- --demo] — labels and seed articles; demo accounts with --demo.
import { parseArgs } from "node:util";
import { seedArticles, seedDemoUsers, seedLabels } from "../lib/db/seed";
import { readEnv } from "../lib/env";
import { generatePassword } from "../lib/runtime/secrets";
import { loadSeeds } from "../seeds/load";
import { withDatabase } from "./with-database";

const { values } = parseArgs({ options: { demo: { type: "boolean", default: false } } });
const seeds = await loadSeeds();

await withDatabase(async (client) => {
  const labels = await seedLabels(client, seeds.labels);
  const articles = await seedArticles(client, seeds);
  console.log(`labels created: ${labels}, articles created: ${articles}`);
  if (values.demo) {
    const password = readEnv().SLANT_DEMO_PASSWORD ?? generatePassword();
    const created = await seedDemoUsers(client, password);
    if (created.length > 0) console.log(`demo accounts created: ${created.join(", ")} — password: ${password}`);
    else console.log("demo accounts already exist (unchanged)");
  }
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
