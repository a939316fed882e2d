import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", "test-results-*/**", "node_modules/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", ".data/**", "tmp/**", "next-env.d.ts"] },
];

export default config;
