/** The demo password the e2e server seeds its accounts with. */
export const DEMO_PASSWORD = "e2e-demo-password";

export const accounts = {
  admin: "admin@example.org",
  reviewer: "reviewer@example.org",
  analyst1: "analyst1@example.org",
  analyst2: "analyst2@example.org",
} as const;
export type AccountName = keyof typeof accounts;
