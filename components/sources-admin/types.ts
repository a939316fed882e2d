/** A source as the sources admin shows it (lib/db's SourceAdminRow). */
export type AdminSource = { id: string; name: string; slug: string; homepage: string | null; domain: string | null; description: string | null; articleCount: number };

export const articles = (n: number) => `${n.toLocaleString("en")} article${n === 1 ? "" : "s"}`;
