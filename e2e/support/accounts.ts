/** The demo password the e2e server seeds its accounts with. */
export const DEMO_PASSWORD = "e2e-demo-password";

/** The e2e server's session secret: known to the tests so that they can forge an expired session. */
export const E2E_AUTH_SECRET = "e2e-only-session-secret-not-for-production-use";

export const accounts = {
  admin: "admin@example.org",
  reviewer: "reviewer@example.org",
  analyst1: "analyst1@example.org",
  analyst2: "analyst2@example.org",
} as const;
export type AccountName = keyof typeof accounts;
