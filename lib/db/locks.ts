// Every PostgreSQL advisory lock Slant takes, in one place: advisory lock ids
// share one namespace per database, so two features picking the same number
// would silently exclude each other. SQL functions that take a lock name the
// same number; tests/integration/sql-agrees.int.test.ts reads the functions
// back from the database and fails when they disagree with this file.

/**
 * Prisma Migrate's own key (its `migrate deploy` takes it too), so that our
 * runner (lib/db/migrate.ts) and Prisma's tooling exclude each other.
 */
export const MIGRATION_LOCK = 72707369;

/**
 * Held by the figures fold (slant_fold_rollups tries it, slant_rebuild_source_rollups
 * waits for it) and by the app when it writes an agreement figure back: a figure
 * written while a fold takes the same article's figure out would count twice.
 */
export const FIGURES_FOLD_LOCK = 7301706711n;

/**
 * Held by every change of a user's role or active flag (lib/db/accounts/people.ts):
 * the "last active admin" rule is checked and the change written under it, so
 * two admins demoting each other at once are serialised and the second is refused.
 */
export const ADMINS_LOCK = 7301706712n;
