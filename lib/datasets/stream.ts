// An async iterable of text/byte chunks as a web ReadableStream, pulled only
// as fast as the client reads (backpressure), and stopped when it goes away.

/**
 * The first chunk is produced before the stream is handed over, so a failure
 * at the start (bad filter, database down) still becomes an HTTP error
 * instead of a 200 with a truncated body.
 */
export async function readableFrom(chunks: AsyncIterable<string | Uint8Array>): Promise<ReadableStream<Uint8Array>> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const bytes = (chunk: string | Uint8Array) => (typeof chunk === "string" ? encoder.encode(chunk) : chunk);
  let first: IteratorResult<string | Uint8Array> | null = await iterator.next();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = first ?? (await iterator.next());
        first = null;
        if (next.done) controller.close();
        else controller.enqueue(bytes(next.value));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    // Writers yield one article (or row) at a time; a few queued chunks keep the socket busy.
    { highWaterMark: 4 },
  );
}
