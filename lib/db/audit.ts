import type { Prisma } from "./generated/client";

type Tx = Prisma.TransactionClient;

/** Written in the same transaction as the change it records, so neither exists without the other. */
export function recordAudit(
  tx: Tx,
  event: { actorId: string; action: string; entityType: string; entityId: string; before?: object; after?: object },
) {
  const { before, after, ...rest } = event;
  // Views passed here are plain JSON-safe objects (strings, numbers, ISO dates).
  return tx.auditEvent.create({
    data: { ...rest, before: before as Prisma.InputJsonObject | undefined, after: after as Prisma.InputJsonObject | undefined },
  });
}
