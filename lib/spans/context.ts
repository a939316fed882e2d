// The quote plus a little text either side is what lets anchorQuote find a
// span again after the article text changes.

import { CodePointIndex, indexFor } from "./offsets";

export const DEFAULT_CONTEXT_SIZE = 32;

export type SpanContext = { quote: string; prefix: string; suffix: string };

/** Quote and up to `size` code points before and after it; throws OffsetError on a bad range. */
export function spanContext(source: string | CodePointIndex, start: number, end: number, size = DEFAULT_CONTEXT_SIZE): SpanContext {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`context size must be a non-negative whole number, got ${size}`);
  const index = indexFor(source);
  const quote = index.slice(start, end);
  return {
    quote,
    prefix: index.slice(Math.max(0, start - size), start),
    suffix: index.slice(end, Math.min(index.length, end + size)),
  };
}
