/** "2021-08-12" → "12 Aug 2021"; null → "—". Dates are calendar dates, so UTC avoids off-by-one days. */
export function formatDate(isoDate: string | null): string {
  if (!isoDate) return "—";
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
