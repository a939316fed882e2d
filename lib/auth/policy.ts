// Every "may this actor do this to that" question Slant asks, answered in one
// table (docs/decisions/0017-one-policy-table-route-and-session-reader.md).
// Pure: the API, pages, lib/db, the CLI and client components all ask it.
// Questions whose answer is yes for anyone signed in (read an article, create
// a span on it, make a source, export or import one's own work) are not here:
// authentication answers them (route's `auth`, requirePageUser).
import { AppError } from "../errors";
import type { Role } from "../schemas/user";

export type Actor = { id: string; email: string; name: string; role: Role };
/** What the rules look at: who the actor is and their role. */
type Who = Pick<Actor, "id" | "role">;

const rank: Record<Role, number> = { ANALYST: 1, REVIEWER: 2, ADMIN: 3 };
const atLeast = (actor: Pick<Actor, "role">, minimum: Role) => rank[actor.role] >= rank[minimum];

/** The actor's own assignment on an article: null when they never started it. */
export type MyAssignmentStatus = "ASSIGNED" | "IN_PROGRESS" | "SUBMITTED" | null;

/**
 * A read that pools many articles (source figures, evidence lists, exports,
 * the agreement report): the actor cannot have submitted every article in it.
 */
export const POOLED = "POOLED" as const;
export type ReadScope = MyAssignmentStatus | typeof POOLED;

/**
 * The blind rule: another annotator's spans, quotes, speakers, notes and
 * counts, and the gold standard, reach an analyst only on an article the
 * analyst has submitted (submitting is final for them, so what they then see
 * cannot flow back into their layer). Reviewers and admins see everything.
 * Pooled reads never qualify for an analyst: the rollups behind them cannot
 * tell which articles each analyst submitted (docs/decisions/0007-blind-reads.md).
 */
function mayReadOthersWork(actor: Who, scope: ReadScope): boolean {
  return atLeast(actor, "REVIEWER") || scope === "SUBMITTED";
}

type Rule<S> = { allow: (actor: Who, subject: S) => boolean; refusal: (actor: Who, subject: S) => AppError };

const needsRole = (minimum: Role) => (actor: Who) =>
  new AppError("FORBIDDEN", `This needs the ${minimum.toLowerCase()} role or higher; you are ${actor.role.toLowerCase()}.`);

/** A question answered by the role alone. */
const role = (minimum: Role): Rule<void> => ({ allow: (actor) => atLeast(actor, minimum), refusal: needsRole(minimum) });

/** One annotator's layer (or gold), read where the actor's assignment is `scope`. */
export type Layer = { author: string | "gold"; scope: ReadScope };

const authorOrAdmin: Rule<{ annotatorId: string }> = {
  allow: (actor, annotation) => annotation.annotatorId === actor.id || actor.role === "ADMIN",
  refusal: () => new AppError("FORBIDDEN", "Only the annotator who made this annotation (or an admin) may change it."),
};

const blind = (scope: ReadScope) =>
  new AppError(
    "FORBIDDEN",
    scope === POOLED
      ? "Analysts see figures, evidence and exports of their own annotations only (basis=<your id>): others' work and gold stay hidden while you may still annotate."
      : "Analysts see others' annotations and gold on an article only after submitting their own work on it.",
  );

/** Reviewers and admins import on others' behalf and oversee the data: they see everyone's import jobs. */
const overseesImports = role("REVIEWER");

export const policy = {
  /** The blind rule for one layer: the actor's own spans always, anyone else's (or gold) as the rule says. */
  "layer:read": {
    allow: (actor, layer) => layer.author === actor.id || mayReadOthersWork(actor, layer.scope),
    refusal: (_, layer) => blind(layer.scope),
  } satisfies Rule<Layer>,
  /** The blind rule for everyone's work at once (all layers, the layer switcher, pooled agreement, the review record). */
  "others-work:read": {
    allow: mayReadOthersWork,
    refusal: (_, scope) => blind(scope),
  } satisfies Rule<ReadScope>,
  /** Deleted spans are listed to their author only, whatever the role: only the author may restore them. */
  "annotation:list-deleted": {
    allow: (actor, query) => query.annotator === actor.id,
    refusal: () => new AppError("FORBIDDEN", "Only your own deleted annotations are listed (annotator=me)."),
  } satisfies Rule<{ annotator: string }>,
  "annotation:update": authorOrAdmin,
  "annotation:delete": authorOrAdmin,
  "annotation:restore": authorOrAdmin,
  /**
   * Submitting is final for analysts: once they could read the others' work,
   * their layer on that article no longer changes, and only a reviewer or admin
   * may move the assignment back (the layer is then marked as having seen
   * others' work). Reviewers' and admins' layers are never held.
   */
  "layer:change-after-submit": role("REVIEWER"),
  "assignment:reopen": role("REVIEWER"),
  /** Setting someone else's assignment status (reopening an analyst's submitted work). */
  "assignment:set-for": {
    allow: (actor, target) => target.userId === actor.id || atLeast(actor, "REVIEWER"),
    refusal: needsRole("REVIEWER"),
  } satisfies Rule<{ userId: string }>,
  "annotation:review": role("REVIEWER"),
  /** The compare view and an article's agreement figures (with who was reopened after submitting). */
  "article:compare": role("REVIEWER"),
  "agreement-report:read": role("REVIEWER"),
  "gold:read": role("REVIEWER"),
  /** Accepting into gold, editing and removing gold spans, the gold status, and importing gold. */
  "gold:write": role("REVIEWER"),
  "comment:read": role("REVIEWER"),
  "comment:create": role("REVIEWER"),
  "source:merge": role("ADMIN"),
  /** Adding, editing, reordering and retiring labels and their attribute fields (/admin/labels). */
  "label:write": role("ADMIN"),
  /** Editing a source's name, homepage, domain and description: an admin tool since the sources admin (issue #14). */
  "source:update": role("ADMIN"),
  /** Deleting a source (only one without articles: lib/db refuses the others). */
  "source:delete": role("ADMIN"),
  /** Saving a new version of the annotation guideline; everyone signed in reads it. */
  "guideline:write": role("ADMIN"),
  /** An import job is its owner's, and whoever lists everyone's may open any; to anyone else it does not exist. */
  "import-job:read": {
    allow: (actor, job) => job.userId === actor.id || overseesImports.allow(actor),
    refusal: () => new AppError("NOT_FOUND", "Import job not found"),
  } satisfies Rule<{ userId: string }>,
  "import-job:list-everyone": overseesImports,
  /** Stopping an import: its owner, or an admin (a reviewer may watch everyone's imports, not stop them). */
  "import-job:cancel": {
    allow: (actor, job) => job.userId === actor.id || atLeast(actor, "ADMIN"),
    refusal: () => new AppError("FORBIDDEN", "Only the job's owner or an admin can cancel it."),
  } satisfies Rule<{ userId: string }>,
  /** Imported spans kept under the annotators the file names (analysts import in their own name). */
  "import:in-others-names": role("REVIEWER"),
  /** Imported reviews, gold provenance and comments: the reviewers' record. */
  "import:review-record": role("REVIEWER"),
  /** The admin console (/admin and everything under it) and its link in the header. */
  "admin:console": role("ADMIN"),
  /** People: invite, create, change role, deactivate, reset a password, unlock, set profile attributes. */
  "user:manage": role("ADMIN"),
  /** Defining the annotator profile fields (leaning, language, expertise). */
  "profile-field:manage": role("ADMIN"),
  /** Annotators' profile attributes: seen by those who balance panels and break agreement down by group, never by analysts. */
  "profile-attributes:read": role("REVIEWER"),
  /** The audit log of every change. */
  "audit:read": role("ADMIN"),
  /**
   * Seeing an article's outlet (source, byline, URL, date, the title's outlet markers and the text's
   * self-references). Hidden from an analyst in the pool of a running or closed outlet-blind campaign
   * holding the article, on every path (docs/decisions/0025-outlet-blind-campaigns.md); reviewers and
   * admins, who plan and adjudicate, always see it.
   */
  "outlet:see": {
    allow: (actor, article) => atLeast(actor, "REVIEWER") || !article.inBlindCampaign,
    refusal: () => new AppError("FORBIDDEN", "This article is in an outlet-blind campaign of yours: its outlet is hidden from you."),
  } satisfies Rule<{ inBlindCampaign: boolean }>,
  /** Campaigns (issue #15): creating, editing, starting them and following their progress. */
  "campaign:manage": role("REVIEWER"),
  /**
   * Pulling the next article of a dynamic campaign: only its pool's members. To an analyst outside
   * the pool the campaign does not exist; a reviewer or admin (who can see it) is told why.
   */
  "campaign:pull": {
    allow: (actor, campaign) => campaign.memberIds.includes(actor.id),
    refusal: (actor) => (atLeast(actor, "REVIEWER") ? new AppError("FORBIDDEN", "You are not in this campaign's annotator pool.") : new AppError("NOT_FOUND", "Campaign not found")),
  } satisfies Rule<{ memberIds: readonly string[] }>,
} as const;

export type Action = keyof typeof policy;
type SubjectOf<A extends Action> = (typeof policy)[A] extends Rule<infer S> ? S : never;
/** The subject argument: none for questions the role alone answers. */
type SubjectArgs<A extends Action> = [SubjectOf<A>] extends [void] ? [] : [subject: SubjectOf<A>];
/** The questions the role alone answers: a route or a page may ask them before reading anything. */
export type RoleAction = { [A in Action]: SubjectArgs<A> extends [] ? A : never }[Action];

/** May the actor do this (to that)? */
export function can<A extends Action>(actor: Who, action: A, ...[subject]: SubjectArgs<A>): boolean {
  return (policy[action] as Rule<SubjectOf<A> | undefined>).allow(actor, subject);
}

/** As `can`, but a refusal is thrown: 403 FORBIDDEN, or 404 NOT_FOUND where the subject's existence is none of the actor's business. */
export function authorize<A extends Action>(actor: Who, action: A, ...[subject]: SubjectArgs<A>): void {
  const rule = policy[action] as Rule<SubjectOf<A> | undefined>;
  if (!rule.allow(actor, subject)) throw rule.refusal(actor, subject);
}
