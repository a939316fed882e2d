import { randomBytes } from "node:crypto";
import type { Actor } from "../../lib/auth/policy";
import { createArticle } from "../../lib/db/articles/articles";
import { db } from "../../lib/db/client";
import { createUser } from "../../lib/db/accounts/users";
import type { Role } from "../../lib/schemas/user";

// Every test makes its own rows with unique names, so tests never depend on
// each other or on a reset database.

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

export function makeUser(role: Role = "ANALYST", password = "correct horse battery"): Promise<Actor> {
  const name = unique(role.toLowerCase());
  return createUser({ email: `${name}@test.example`, name, role, password });
}

export function makeArticle(actor: Actor | null, overrides: { body?: string; source?: string; title?: string; publishedAt?: string | null } = {}) {
  return createArticle({
    actor,
    input: {
      source: { name: overrides.source ?? unique("Source") },
      title: overrides.title ?? unique("Title"),
      body: overrides.body ?? `${unique("Body")} of a test article.`,
      publishedAt: overrides.publishedAt ?? null,
    },
  });
}

export async function rowCounts(): Promise<Record<string, number>> {
  const client = db();
  const [users, sources, articles, annotations, auditEvents] = await Promise.all([
    client.user.count(),
    client.source.count(),
    client.article.count(),
    client.annotation.count(),
    client.auditEvent.count(),
  ]);
  return { users, sources, articles, annotations, auditEvents };
}
