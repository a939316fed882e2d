/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig = {
  reactStrictMode: true,
  // Separate build folders let several checkouts' test servers build side by side.
  distDir: process.env.SLANT_NEXT_DIST_DIR || ".next",
  // Types are checked by `npm run typecheck` (CI runs it before the tests); a build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // Native (argon2) and WASM (PGlite) packages are loaded by Node, not bundled.
  // The Prisma adapter and its debug module are one instance with lib/db/query-history.ts only if Node loads them.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "pg-boss", "@prisma/adapter-pg", "@prisma/driver-adapter-utils", "@prisma/debug"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
