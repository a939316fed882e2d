// Request bodies are counted while they stream: reading stops at the first
// byte past the limit, so a client that sends more than it may (a chunked
// body declares no length) costs at most the limit in memory, never the whole
// body. (req.arrayBuffer() and req.formData() buffer everything first: a
// chunked 300 MB JSON body grew the worker to 1.2 GB before its 413.)

export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`The request body is larger than ${maxBytes} bytes.`);
  }
}

/**
 * The body's bytes, or BodyTooLarge as soon as more than `maxBytes` arrived.
 * What the client sends after that is not read (the server discards it).
 */
export async function readBodyLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      size += next.value.byteLength;
      if (size > maxBytes) throw new BodyTooLarge(maxBytes);
      parts.push(next.value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

/**
 * The body as a stream that fails with BodyTooLarge once more than `maxBytes`
 * passed through it, for readers that take a stream (multipart parsing).
 */
export function limitedStream(body: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  let size = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > maxBytes) controller.error(new BodyTooLarge(maxBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
}
