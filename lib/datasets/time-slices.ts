// Long CPU work (parsing a large import, re-anchoring its annotations) runs
// in the server process beside the requests. It awaits `yieldToRequests()`
// between small steps: once the current slice has held the event loop for
// SLICE_MS it waits for a setImmediate turn, in which pending I/O (a health
// check, a page) is served, so nobody waits behind an import for long.
// (An `await` on a settled promise alone would not do: microtasks run before I/O.)

/** Long enough that yielding costs little, short enough that a request waits at most this long. */
export const SLICE_MS = 10;

let sliceStarted = performance.now();

export async function yieldToRequests(): Promise<void> {
  if (performance.now() - sliceStarted < SLICE_MS) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  sliceStarted = performance.now();
}

/** How many items an async iterable yields, giving other requests their turn between items. */
export async function countYielding(items: AsyncIterable<unknown>): Promise<number> {
  const iterator = items[Symbol.asyncIterator]();
  let count = 0;
  while (!(await iterator.next()).done) {
    count++;
    await yieldToRequests();
  }
  return count;
}

/**
 * A long text as pieces of `size` characters, with a turn for other requests
 * between pieces: a parser handed the whole text at once parses it all in one go.
 */
export async function* inPieces(text: string, size = 4 * 1024): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) {
    yield text.slice(at, at + size);
    await yieldToRequests();
  }
}
