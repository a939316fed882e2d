// Reads an import upload: multipart/form-data with a "file" field (the web
// page), or the file as the raw request body with the options in the query
// string (curl --data-binary). Over MAX_IMPORT_BYTES is a 413 before the
// whole body is read: at once when the client declared its length, else as
// soon as the streamed bytes pass the limit.
import { BodyTooLarge, limitedStream, readBodyLimited } from "../api/body-limit";
import { AppError } from "../errors";
import { ImportOptions, MAX_IMPORT_BYTES } from "../schemas/datasets";
import { searchParamsObject } from "./query";

export type Upload = ImportOptions & { bytes: Uint8Array; filename: string };

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `Import files can be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split larger ones.`, { maxBytes: MAX_IMPORT_BYTES });
/** Multipart framing and the other fields add a little to the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** The client sent more than it may: whether it said so up front or not, the answer is a 413. */
const isTooLarge = (error: unknown) => error instanceof BodyTooLarge || (error as { cause?: unknown } | null)?.cause instanceof BodyTooLarge;

const textField = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
};

export async function readUpload(req: Request): Promise<Upload> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  const multipart = /^multipart\/form-data\b/i.test(req.headers.get("content-type") ?? "");
  if (declared > MAX_IMPORT_BYTES + (multipart ? MULTIPART_OVERHEAD : 0)) throw tooLarge();
  if (!multipart) {
    const options = ImportOptions.parse(searchParamsObject(new URL(req.url).searchParams));
    let bytes: Uint8Array;
    try {
      bytes = await readBodyLimited(req.body, MAX_IMPORT_BYTES);
    } catch (error) {
      throw isTooLarge(error) ? tooLarge() : error;
    }
    return { ...options, filename: options.filename ?? `upload.${options.format ?? "jsonl"}`, bytes };
  }
  let form: FormData;
  try {
    // The multipart parser buffers the whole body, so it is given a stream that stops at the limit.
    const limited = req.body ? limitedStream(req.body, MAX_IMPORT_BYTES + MULTIPART_OVERHEAD) : null;
    form = await new Response(limited, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch (error) {
    if (isTooLarge(error)) throw tooLarge();
    throw new AppError("BAD_REQUEST", "The upload is not valid multipart/form-data.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("INVALID_INPUT", 'Send the file in a form field named "file".', { file: "required" });
  if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
  const options = ImportOptions.parse({ kind: textField(form, "kind"), format: textField(form, "format"), source: textField(form, "source") });
  return { ...options, filename: file.name || "upload", bytes: new Uint8Array(await file.arrayBuffer()) };
}
