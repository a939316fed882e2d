import { existsSync } from "node:fs";

const systemChromium = "/usr/bin/chromium";

/**
 * Debian's Chromium where it exists (Playwright's browser download is not
 * always possible); Playwright's own browser everywhere else.
 */
export const chromiumLaunchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
    }
  : {};
