import { spanKeys, type SpanKeys } from "../../aggregates/normalize";
import { Prisma } from "../generated/client";

// Every span write stores the span's figure keys with it (decision 0016):
// these two helpers are how a writer puts them into SQL or Prisma data.

export { spanKeys };

/** `SET` assignments of a span's keys, for a raw UPDATE. */
export const spanKeysSet = (keys: SpanKeys) =>
  Prisma.sql`"attributionKind" = ${keys.attributionKind}, "quoteKey" = ${keys.quoteKey}, "speakerKey" = ${keys.speakerKey}, "speakerName" = ${keys.speakerName}`;

/** A row to create (Prisma data, an import's row) with its keys. */
export const withSpanKeys = <T extends { quote: string; attributes?: unknown }>(row: T): T & SpanKeys => ({ ...row, ...spanKeys({ quote: row.quote, attributes: row.attributes }) });
