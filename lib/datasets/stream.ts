// An async iterable of text/byte chunks as a web ReadableStream, pulled only
// as fast as the client reads (backpressure), and stopped when it goes away.

/**
 * Small chunks (a W3C writer yields one annotation at a time) are joined until
 * about this many bytes before they are encoded and queued: one enqueue and
 * one encode per chunk is what costs, not the bytes.
 */
const CHUNK_BYTES = 64 * 1024;

/**
 * The first chunk is produced before the stream is handed over, so a failure
 * at the start (bad filter, database down) still becomes an HTTP error
 * instead of a 200 with a truncated body.
 */
export async function readableFrom(chunks: AsyncIterable<string | Uint8Array>): Promise<ReadableStream<Uint8Array>> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let first: IteratorResult<string | Uint8Array> | null = await iterator.next();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text = "";
        let size = 0;
        for (;;) {
          const next = first ?? (await iterator.next());
          first = null;
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text));
            controller.close();
            return;
          }
          if (typeof next.value === "string") {
            text += next.value;
            size += next.value.length;
          } else {
            // Bytes keep their place after the text before them.
            if (text) controller.enqueue(encoder.encode(text));
            text = "";
            controller.enqueue(next.value);
            size += next.value.byteLength;
          }
          if (size >= CHUNK_BYTES) {
            if (text) controller.enqueue(encoder.encode(text));
            return;
          }
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    // A few queued chunks keep the socket busy; the writer waits for the client beyond that.
    { highWaterMark: 4 },
  );
}
