import { route } from "@/lib/api/route";
import { readUpload } from "@/lib/datasets/upload";
import { createImportJob, listImportJobs } from "@/lib/db/import/jobs";
import { env } from "@/lib/env";
import { importRun } from "@/lib/jobs/imports";
import { enqueue } from "@/lib/jobs/jobs";
import { ImportJobListQuery } from "@/lib/schemas/import-jobs";

export const dynamic = "force-dynamic";

// POST /api/import — multipart (file, kind, format?, source?) or a raw body (?kind=&format=&source=&filename=) → 202 { id }
export const POST = route({}, async ({ req, actor }) => {
  const { bytes, filename, kind, format, source } = await readUpload(req);
  const baseUrl = env().NEXTAUTH_URL || new URL(req.url).origin;
  // The file is stored with the job; a worker runs it (lib/jobs/imports.ts) and its row reports progress and the outcome.
  const { id } = await createImportJob({ actor, file: { bytes, filename, kind, format, source, baseUrl } });
  await enqueue(importRun, { importJobId: id }, { userId: actor.id, id });
  return Response.json({ id }, { status: 202, headers: { Location: `/api/import/${id}` } });
});

// GET /api/import?cursor=&limit= — import jobs newest first: your own, or everyone's for a reviewer or admin
export const GET = route({ query: ImportJobListQuery }, async ({ actor, query }) => Response.json(await listImportJobs({ actor, query }), { headers: { "Cache-Control": "no-store" } }));
