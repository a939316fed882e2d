import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readUpload } from "../datasets/upload";
import { MAX_IMPORT_BYTES } from "../schemas/datasets";
import { readJson } from "./route";

const CHUNK = 64 * 1024;

/** A chunked body (no Content-Length) of `total` bytes after `head`, counting what the server pulled from it. */
function chunkedBody(total: number, head = "") {
  const chunk = new Uint8Array(CHUNK).fill(0x20);
  const state = { pulled: 0 };
  let headSent = head === "";
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!headSent) {
        headSent = true;
        controller.enqueue(new TextEncoder().encode(head));
        return;
      }
      if (state.pulled >= total) return controller.close();
      state.pulled += CHUNK;
      controller.enqueue(chunk);
    },
  }, { highWaterMark: 0 });
  return { stream, state };
}

const post = (url: string, body: ReadableStream<Uint8Array>, contentType: string) =>
  new Request(url, { method: "POST", body, duplex: "half", headers: { "content-type": contentType } } as RequestInit);

describe("request bodies are limited while they stream", () => {
  it("readJson answers 413 at the limit of a chunked body, without reading the rest", async () => {
    const limit = 1024 * 1024;
    const { stream, state } = chunkedBody(64 * limit, '{"pad":"');
    await expect(readJson(post("http://x/api", stream, "application/json"), z.unknown(), limit)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(state.pulled).toBeLessThanOrEqual(limit + 4 * CHUNK);
  });

  it("readJson still reads a chunked body within the limit", async () => {
    const body = new Blob(['{"a":', "1}"]).stream();
    await expect(readJson(post("http://x/api", body, "application/json"), z.object({ a: z.number() }), 100)).resolves.toEqual({ a: 1 });
  });

  it("a raw import upload stops at the limit", async () => {
    const { stream, state } = chunkedBody(MAX_IMPORT_BYTES + 32 * 1024 * 1024);
    await expect(readUpload(post("http://x/api/import?kind=articles", stream, "application/x-ndjson"))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(state.pulled).toBeLessThanOrEqual(MAX_IMPORT_BYTES + 4 * CHUNK);
  });

  it("a multipart import upload stops at the limit instead of buffering the whole body", async () => {
    const head = '--b\r\nContent-Disposition: form-data; name="file"; filename="a.jsonl"\r\nContent-Type: application/octet-stream\r\n\r\n';
    const { stream, state } = chunkedBody(MAX_IMPORT_BYTES + 32 * 1024 * 1024, head);
    await expect(readUpload(post("http://x/api/import", stream, "multipart/form-data; boundary=b"))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(state.pulled).toBeLessThanOrEqual(MAX_IMPORT_BYTES + 64 * 1024 + 4 * CHUNK);
  });

  it("a multipart upload within the limit is read", async () => {
    const body = '--b\r\nContent-Disposition: form-data; name="kind"\r\n\r\narticles\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="a.jsonl"\r\n\r\n{}\n\r\n--b--\r\n';
    const upload = await readUpload(post("http://x/api/import", new Blob([body]).stream(), "multipart/form-data; boundary=b"));
    expect(upload).toMatchObject({ kind: "articles", filename: "a.jsonl" });
    expect(new TextDecoder().decode(upload.bytes)).toBe("{}\n");
  });
});
