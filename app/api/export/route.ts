import { route } from "@/lib/api/route";
import { exportBasis, exportFilename } from "@/lib/datasets/export-names";
import { searchParamsObject } from "@/lib/datasets/query";
import { readableFrom } from "@/lib/datasets/stream";
import { exportArticles, exportLabels } from "@/lib/db/export/datasets";
import { pseudonymSecret } from "@/lib/db/export/pseudonym-secret";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { exportFormats } from "@/lib/formats/registry";
import { sentencesOffThread } from "@/lib/runtime/agreement-pool";
import { ExportQuery } from "@/lib/schemas/datasets";

export const dynamic = "force-dynamic";

// GET /api/export?format=jsonl&sourceId=&label=&annotator=&from=&to=&gold=1&pseudonymize=1&annotationsOnly=1&csvSafe=0 — streamed
export const GET = route({}, async ({ req, actor }) => {
  // Filters repeat keys (sourceId, label, annotator), which route's one-value-per-key query does not take.
  const query = ExportQuery.parse(searchParamsObject(new URL(req.url).searchParams));
  const format = exportFormats[query.format];
  if (query.annotationsOnly && !format.supportsAnnotationsOnly) {
    throw new AppError("INVALID_INPUT", `${format.title} needs the article text; annotationsOnly is not available for it.`, { annotationsOnly: query.format });
  }
  const baseUrl = env().NEXTAUTH_URL || new URL(req.url).origin;
  const articles = exportArticles({ actor, filters: query, pseudonymSecret: query.pseudonymize ? await pseudonymSecret() : undefined });
  const body = await readableFrom(format.write(articles, { labels: await exportLabels(), annotationsOnly: query.annotationsOnly, baseUrl, basis: exportBasis(query), spreadsheetSafe: query.csvSafe ?? true, sentences: sentencesOffThread }));
  return new Response(body, {
    headers: {
      "Content-Type": format.contentType,
      "Content-Disposition": `attachment; filename="${exportFilename(query, format.extension)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
