import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Contracts, not coincidences (docs/decisions/0018): the browser's code knows the
// server only through the response schemas and the one fetcher, and only
// lib/env.ts reads the environment.
const clientCode = ["components/**/*.{ts,tsx}", "lib/client/**/*.ts"];
const serverModules = {
  patterns: [
    { group: ["@/lib/db", "@/lib/db/**", "**/lib/db/**"], message: "Client code takes its types from lib/schemas/responses (the contracts), never from lib/db." },
    { group: ["@/lib/env", "**/lib/env"], message: "The environment is the server's: pass what a component needs as a prop." },
  ],
};
const envReaders = {
  object: "process",
  property: "env",
  message: "Read configuration through lib/env.ts (parsed with zod once, at start-up).",
};

const config = [
  ...nextVitals,
  ...nextTs,
  { files: clientCode, rules: { "no-restricted-imports": ["error", serverModules] } },
  { files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "proxy.ts"], rules: { "no-restricted-properties": ["error", envReaders] } },
  // lib/env.ts is the reader. Test and bench support, scripts and tool configs set the
  // environment of the processes they start (or pick a test database), which is their job.
  { files: ["lib/env.ts", "**/*.test.ts", "lib/formats/testing/**"], rules: { "no-restricted-properties": "off" } },
  { ignores: [".next/**", ".next-*/**", "test-results-*/**", "node_modules/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", ".data/**", "tmp/**", "next-env.d.ts"] },
];

export default config;
