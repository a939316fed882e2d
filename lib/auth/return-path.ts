/** Only same-site paths: a sign-in link must not be able to send people elsewhere. */
export function safeReturnPath(value: unknown, fallback = "/articles"): string {
  if (typeof value !== "string") return fallback;
  let candidate = value;
  try {
    const url = new URL(value, "http://slant.invalid");
    if (url.origin !== "http://slant.invalid") {
      return fallback;
    }
    candidate = url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/sign-in")) return fallback;
  return candidate;
}
