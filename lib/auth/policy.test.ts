import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { authorize, can, policy, POOLED, type Action, type ReadScope } from "./policy";

// The policy as a table: every action × role × the state it depends on, with
// the answer written out by hand (never computed from the rules). The
// end-to-end access matrix (e2e/access-matrix.spec.ts) checks the same answers
// through the running app's routes and pages.

const analyst = { id: "analyst", role: "ANALYST" } as const;
const other = { id: "other", role: "ANALYST" } as const;
const reviewer = { id: "reviewer", role: "REVIEWER" } as const;
const admin = { id: "admin", role: "ADMIN" } as const;
type Who = typeof analyst | typeof other | typeof reviewer | typeof admin;

type Case = { who: Who; subject?: unknown; allowed: boolean; state: string };
const byRole = (analystMay: boolean, reviewerMay: boolean, adminMay: boolean): Case[] => [
  { who: analyst, allowed: analystMay, state: "-" },
  { who: reviewer, allowed: reviewerMay, state: "-" },
  { who: admin, allowed: adminMay, state: "-" },
];
const reviewersOnly = byRole(false, true, true);

const mine = { annotatorId: analyst.id };
const othersAnnotation = { annotatorId: other.id };
const authorOrAdmin: Case[] = [
  { who: analyst, subject: mine, allowed: true, state: "own span" },
  { who: other, subject: mine, allowed: false, state: "another analyst's span" },
  { who: reviewer, subject: mine, allowed: false, state: "an analyst's span" },
  { who: reviewer, subject: { annotatorId: reviewer.id }, allowed: true, state: "own span" },
  { who: admin, subject: mine, allowed: true, state: "an analyst's span" },
];

const statuses: ReadScope[] = [null, "ASSIGNED", "IN_PROGRESS", "SUBMITTED", POOLED];
const blind = (author: string): Case[] =>
  statuses.flatMap((scope) => [
    { who: analyst, subject: { author, scope }, allowed: author === analyst.id || scope === "SUBMITTED", state: `${author}'s layer, my assignment ${String(scope)}` },
    { who: reviewer, subject: { author, scope }, allowed: true, state: `${author}'s layer, my assignment ${String(scope)}` },
    { who: admin, subject: { author, scope }, allowed: true, state: `${author}'s layer, my assignment ${String(scope)}` },
  ]);

const table: Record<Action, Case[]> = {
  "layer:read": [
    // Hand-written rows for the cases the blind rule exists for, then the full sweep.
    { who: analyst, subject: { author: analyst.id, scope: POOLED }, allowed: true, state: "own layer, pooled" },
    { who: analyst, subject: { author: analyst.id, scope: "IN_PROGRESS" }, allowed: true, state: "own layer, not submitted" },
    { who: analyst, subject: { author: other.id, scope: "IN_PROGRESS" }, allowed: false, state: "another's layer before submitting" },
    { who: analyst, subject: { author: other.id, scope: "SUBMITTED" }, allowed: true, state: "another's layer after submitting" },
    { who: analyst, subject: { author: "gold", scope: null }, allowed: false, state: "gold, never started" },
    { who: analyst, subject: { author: "gold", scope: "SUBMITTED" }, allowed: true, state: "gold after submitting" },
    { who: analyst, subject: { author: "gold", scope: POOLED }, allowed: false, state: "gold pooled over articles" },
    { who: analyst, subject: { author: "all", scope: POOLED }, allowed: false, state: "everyone pooled over articles" },
    ...blind(other.id),
    ...blind("gold"),
    ...blind("all"),
  ],
  "others-work:read": statuses.flatMap((scope) => [
    { who: analyst, subject: scope, allowed: scope === "SUBMITTED", state: `my assignment ${String(scope)}` },
    { who: reviewer, subject: scope, allowed: true, state: `my assignment ${String(scope)}` },
    { who: admin, subject: scope, allowed: true, state: `my assignment ${String(scope)}` },
  ]),
  "annotation:list-deleted": [
    { who: analyst, subject: { annotator: analyst.id }, allowed: true, state: "own deleted spans" },
    { who: analyst, subject: { annotator: other.id }, allowed: false, state: "another's deleted spans" },
    { who: reviewer, subject: { annotator: analyst.id }, allowed: false, state: "an analyst's deleted spans" },
    { who: admin, subject: { annotator: "all" }, allowed: false, state: "everyone's deleted spans" },
    { who: admin, subject: { annotator: admin.id }, allowed: true, state: "own deleted spans" },
  ],
  "annotation:update": authorOrAdmin,
  "annotation:delete": authorOrAdmin,
  "annotation:restore": authorOrAdmin,
  "layer:change-after-submit": reviewersOnly,
  "assignment:reopen": reviewersOnly,
  "assignment:set-for": [
    { who: analyst, subject: { userId: analyst.id }, allowed: true, state: "own assignment" },
    { who: analyst, subject: { userId: other.id }, allowed: false, state: "another's assignment" },
    { who: reviewer, subject: { userId: analyst.id }, allowed: true, state: "an analyst's assignment" },
    { who: admin, subject: { userId: analyst.id }, allowed: true, state: "an analyst's assignment" },
  ],
  "annotation:review": reviewersOnly,
  "article:compare": reviewersOnly,
  "agreement-report:read": reviewersOnly,
  "gold:read": reviewersOnly,
  "gold:write": reviewersOnly,
  "comment:read": reviewersOnly,
  "comment:create": reviewersOnly,
  "source:merge": byRole(false, false, true),
  "label:write": byRole(false, false, true),
  "source:update": byRole(false, false, true),
  "source:delete": byRole(false, false, true),
  "guideline:write": byRole(false, false, true),
  "import-job:read": [
    { who: analyst, subject: { userId: analyst.id }, allowed: true, state: "own job" },
    { who: other, subject: { userId: analyst.id }, allowed: false, state: "another analyst's job" },
    { who: reviewer, subject: { userId: analyst.id }, allowed: true, state: "an analyst's job" },
    { who: admin, subject: { userId: analyst.id }, allowed: true, state: "an analyst's job" },
  ],
  "import-job:list-everyone": reviewersOnly,
  "import-job:cancel": [
    { who: analyst, subject: { userId: analyst.id }, allowed: true, state: "own job" },
    { who: other, subject: { userId: analyst.id }, allowed: false, state: "another analyst's job" },
    { who: reviewer, subject: { userId: analyst.id }, allowed: false, state: "an analyst's job" },
    { who: reviewer, subject: { userId: reviewer.id }, allowed: true, state: "own job" },
    { who: admin, subject: { userId: analyst.id }, allowed: true, state: "an analyst's job" },
  ],
  "import:in-others-names": reviewersOnly,
  "import:review-record": reviewersOnly,
  "admin:console": byRole(false, false, true),
  "user:manage": byRole(false, false, true),
  "profile-field:manage": byRole(false, false, true),
  "profile-attributes:read": reviewersOnly,
  "audit:read": byRole(false, false, true),
  "campaign:manage": reviewersOnly,
  "outlet:see": [
    { who: analyst, subject: { inBlindCampaign: false }, allowed: true, state: "in no outlet-blind campaign of theirs" },
    { who: analyst, subject: { inBlindCampaign: true }, allowed: false, state: "in an outlet-blind campaign of theirs" },
    { who: reviewer, subject: { inBlindCampaign: true }, allowed: true, state: "in an outlet-blind campaign" },
    { who: admin, subject: { inBlindCampaign: true }, allowed: true, state: "in an outlet-blind campaign" },
  ],
  "campaign:pull": [
    { who: analyst, subject: { memberIds: [analyst.id] }, allowed: true, state: "in the pool" },
    { who: other, subject: { memberIds: [analyst.id] }, allowed: false, state: "not in the pool" },
    { who: reviewer, subject: { memberIds: [analyst.id] }, allowed: false, state: "not in the pool" },
    { who: reviewer, subject: { memberIds: [reviewer.id] }, allowed: true, state: "in the pool" },
    { who: admin, subject: { memberIds: [] }, allowed: false, state: "not in the pool" },
  ],
};

/** Refusals answered 404: the subject's existence is none of the actor's business. */
const hidden = new Set<Action>(["import-job:read"]);

const ask = (who: Who, action: Action, subject: unknown) => (can as (w: Who, a: Action, s?: unknown) => boolean)(who, action, subject);
const demand = (who: Who, action: Action, subject: unknown) => (authorize as (w: Who, a: Action, s?: unknown) => void)(who, action, subject);

describe("the policy table", () => {
  it("has a row for every action, and every action has rows for all three roles", () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(policy).sort());
    for (const [action, cases] of Object.entries(table)) {
      expect(new Set(cases.map((c) => c.who.role)), action).toEqual(new Set(["ANALYST", "REVIEWER", "ADMIN"]));
    }
  });

  for (const [action, cases] of Object.entries(table) as [Action, Case[]][]) {
    it.each(cases.map((c) => [c.who.id, c.state, c.allowed, c] as const))(`${action}: %s, %s → %s`, (_, __, allowed, c) => {
      expect(ask(c.who, action, c.subject)).toBe(allowed);
      if (allowed) {
        expect(() => demand(c.who, action, c.subject)).not.toThrow();
        return;
      }
      let thrown: unknown;
      try {
        demand(c.who, action, c.subject);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      const hiddenFromAnalysts = action === "campaign:pull" && c.who.role === "ANALYST";
      expect((thrown as AppError).code).toBe(hidden.has(action) || hiddenFromAnalysts ? "NOT_FOUND" : "FORBIDDEN");
    });
  }
});

describe("refusals say why, in the words the API has always used", () => {
  it.each([
    [() => authorize(analyst, "gold:write"), "This needs the reviewer role or higher; you are analyst."],
    [() => authorize(reviewer, "source:merge"), "This needs the admin role or higher; you are reviewer."],
    [() => authorize(analyst, "assignment:set-for", { userId: other.id }), "This needs the reviewer role or higher; you are analyst."],
    [() => authorize(other, "annotation:update", mine), "Only the annotator who made this annotation (or an admin) may change it."],
    [() => authorize(analyst, "layer:read", { author: other.id, scope: "IN_PROGRESS" }), /only after submitting their own work on it/],
    [() => authorize(analyst, "layer:read", { author: "gold", scope: POOLED }), /their own annotations only \(basis=<your id>\)/],
    [() => authorize(analyst, "others-work:read", POOLED), /their own annotations only/],
    [() => authorize(admin, "annotation:list-deleted", { annotator: "all" }), "Only your own deleted annotations are listed (annotator=me)."],
    [() => authorize(other, "import-job:read", { userId: analyst.id }), "Import job not found"],
  ] as const)("%#", (refuse, message) => {
    expect(refuse).toThrow(message);
  });

  it("another analyst's span is refused to a reviewer too (only its author or an admin changes it)", () => {
    expect(can(reviewer, "annotation:delete", othersAnnotation)).toBe(false);
  });
});
