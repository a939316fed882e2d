import { route } from "@/lib/api/route";
import { readUpload } from "@/lib/datasets/upload";
import { refreshAgreementInBackground } from "@/lib/db/figures/agreement";
import { listImportJobs, startImport } from "@/lib/db/import/jobs";
import { env } from "@/lib/env";
import { ImportJobListQuery } from "@/lib/schemas/import-jobs";

export const dynamic = "force-dynamic";

// POST /api/import — multipart (file, kind, format?, source?) or a raw body (?kind=&format=&source=&filename=) → 202 { id }
export const POST = route({}, async ({ req, actor }) => {
  const { bytes, filename, kind, format, source } = await readUpload(req);
  const baseUrl = env().NEXTAUTH_URL || new URL(req.url).origin;
  // The job goes on in this process after the response; its row reports progress and the outcome.
  const { id, finished } = await startImport({ actor, file: { bytes, filename, kind, format, source, baseUrl } });
  // Imported spans' agreement figures are computed ahead of the next report, like after any span write.
  void finished.then(() => refreshAgreementInBackground(Infinity));
  return Response.json({ id }, { status: 202, headers: { Location: `/api/import/${id}` } });
});

// GET /api/import?cursor=&limit= — import jobs newest first: your own, or everyone's for a reviewer or admin
export const GET = route({ query: ImportJobListQuery }, async ({ actor, query }) => Response.json(await listImportJobs({ actor, query }), { headers: { "Cache-Control": "no-store" } }));
