// An import's uploaded file, stored in the database in pieces
// (ImportFileChunk), so that whichever process runs the job, on whichever
// host, can read it, and a job resumed after a crash still has its file. The
// job's end (finished or cancelled) deletes it.
import type { Db } from "../client";
import type { Prisma } from "../generated/client";

/** Small enough that one piece is a modest statement parameter, large enough that a 50 MB file is 50 rows. */
export const CHUNK_BYTES = 1024 * 1024;
/** Pieces read per query when the job reads the file back. */
const CHUNKS_PER_READ = 4;

export async function storeFile(tx: Prisma.TransactionClient, jobId: string, bytes: Uint8Array): Promise<void> {
  for (let seq = 0, at = 0; at < bytes.byteLength; seq++, at += CHUNK_BYTES) {
    // A copy: Prisma keeps a reference to the value until the statement is sent.
    await tx.importFileChunk.create({ data: { jobId, seq, bytes: new Uint8Array(bytes.subarray(at, at + CHUNK_BYTES)) }, select: { seq: true } });
  }
}

/** The file's pieces in order, a few per query. */
export async function* readFileChunks(client: Db, jobId: string): AsyncGenerator<Uint8Array> {
  for (let from = 0; ; from += CHUNKS_PER_READ) {
    const chunks = await client.importFileChunk.findMany({ where: { jobId, seq: { gte: from, lt: from + CHUNKS_PER_READ } }, orderBy: { seq: "asc" }, select: { bytes: true } });
    for (const c of chunks) yield c.bytes;
    if (chunks.length < CHUNKS_PER_READ) return;
  }
}

/** The whole file (the readers parse a whole text): its pieces copied into one buffer. */
export async function readFile(client: Db, jobId: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of readFileChunks(client, jobId)) {
    parts.push(part);
    size += part.byteLength;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

export const deleteFile = (tx: Prisma.TransactionClient, jobId: string) => tx.importFileChunk.deleteMany({ where: { jobId } });
