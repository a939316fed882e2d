// Reads an import upload: multipart/form-data with a "file" field (the web
// page), or the file as the raw request body with the options in the query
// string (curl --data-binary). Over MAX_IMPORT_BYTES is a 413 before the
// whole body is read, whenever the client declared its length.
import { AppError } from "../errors";
import { ImportOptions, MAX_IMPORT_BYTES } from "../schemas/datasets";
import { searchParamsObject } from "./query";

export type Upload = ImportOptions & { bytes: Uint8Array; filename: string };

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `Import files can be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split larger ones.`, { maxBytes: MAX_IMPORT_BYTES });
/** Multipart framing and the other fields add a little to the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

async function readLimited(body: ReadableStream<Uint8Array> | null): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = body?.getReader();
  for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
    size += next.value.byteLength;
    if (size > MAX_IMPORT_BYTES) {
      await reader?.cancel();
      throw tooLarge();
    }
    parts.push(next.value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

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
    return { ...options, filename: options.filename ?? `upload.${options.format ?? "jsonl"}`, bytes: await readLimited(req.body) };
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The upload is not valid multipart/form-data.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("INVALID_INPUT", 'Send the file in a form field named "file".', { file: "required" });
  if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
  const options = ImportOptions.parse({ kind: textField(form, "kind"), format: textField(form, "format"), source: textField(form, "source") });
  return { ...options, filename: file.name || "upload", bytes: new Uint8Array(await file.arrayBuffer()) };
}
