import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const inputs = ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "postcss.config.mjs"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) {
    if (child === "node_modules" || child.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** True when there is no production build, or a source it was built from changed since. */
export function buildIsStale(root = process.cwd()): boolean {
  const buildId = path.join(root, process.env.SLANT_NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return inputs.some((entry) => newestMtime(path.join(root, entry)) > builtAt);
}
