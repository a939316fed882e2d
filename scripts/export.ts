// npm run export -- --format jsonl|csv|w3c|brat|conll|labelstudio [--source-id ID]… [--label KEY]…
//   [--annotator ID]… [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--gold] [--pseudonymize] [--annotations-only]
//   [--base-url https://slant.example.org] [--raw-csv] --out FILE   (FILE "-" or no --out: standard output)
// --raw-csv: CSV cells are written exactly, without the leading ' that keeps spreadsheets from running =, +, -, @ cells.
// Runs with the database's full view (whoever can run this can read the database anyway).
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { Actor } from "../lib/auth/policy";
import { exportBasis } from "../lib/datasets/export-names";
import { exportArticles, exportLabels } from "../lib/db/export/datasets";
import { pseudonymSecret } from "../lib/db/export/pseudonym-secret";
import { exportFormats } from "../lib/formats/registry";
import { ExportQuery } from "../lib/schemas/datasets";
import { fail, withDatabase } from "./with-database";

// Standard output may be the dataset itself: log lines (e.g. a migration being applied) go to stderr.
console.log = (...args: unknown[]) => console.error(...args);

const { values } = parseArgs({
  options: {
    format: { type: "string" },
    "source-id": { type: "string", multiple: true },
    label: { type: "string", multiple: true },
    annotator: { type: "string", multiple: true },
    from: { type: "string" },
    to: { type: "string" },
    gold: { type: "boolean" },
    pseudonymize: { type: "boolean" },
    "annotations-only": { type: "boolean" },
    "base-url": { type: "string" },
    "raw-csv": { type: "boolean" },
    out: { type: "string" },
  },
});
const flag = (on: boolean | undefined) => (on ? "1" : "0");
const parsed = ExportQuery.safeParse({
  format: values.format,
  sourceId: values["source-id"] ?? [],
  label: values.label ?? [],
  annotator: values.annotator ?? [],
  from: values.from,
  to: values.to,
  gold: flag(values.gold),
  pseudonymize: flag(values.pseudonymize),
  annotationsOnly: flag(values["annotations-only"]),
});
if (!parsed.success) fail(`Cannot export:\n${z.prettifyError(parsed.error)}`);
const query = parsed.data;
const format = exportFormats[query.format];
if (query.annotationsOnly && !format.supportsAnnotationsOnly) fail(`${format.title} needs the article text: drop --annotations-only.`);

const operator: Actor = { id: "00000000-0000-0000-0000-000000000000", email: "cli@localhost", name: "command line", role: "ADMIN" };

await withDatabase(async (client) => {
  // The app's own key (SLANT_PSEUDONYM_SECRET or the database's), so that pseudonyms match the app's exports.
  const secret = query.pseudonymize ? await pseudonymSecret(client) : undefined;
  let articles = 0;
  let annotations = 0;
  let lastShown = 0;
  async function* counted() {
    for await (const article of exportArticles({ actor: operator, filters: query, client, pseudonymSecret: secret })) {
      articles++;
      annotations += article.annotations.length;
      if (Date.now() - lastShown > 250) {
        lastShown = Date.now();
        process.stderr.write(`\rexported ${articles} articles, ${annotations} annotations`);
      }
      yield article;
    }
  }
  const chunks = format.write(counted(), { labels: await exportLabels(client), annotationsOnly: query.annotationsOnly, baseUrl: values["base-url"] ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000", basis: exportBasis(query), spreadsheetSafe: !values["raw-csv"] });
  await pipeline(Readable.from(chunks), !values.out || values.out === "-" ? process.stdout : createWriteStream(values.out));
  process.stderr.write(`\rexported ${articles} articles, ${annotations} annotations${values.out && values.out !== "-" ? ` to ${values.out}` : ""}\n`);
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
