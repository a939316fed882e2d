import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { SeedArticle, SeedLabel, SeedSource } from "../lib/schemas/seed";

const seedsDir = path.resolve(process.cwd(), "seeds");

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) throw new Error(`Invalid seed file ${file}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export type SeedData = { labels: SeedLabel[]; sources: z.infer<typeof SeedSource>[]; articles: SeedArticle[] };

export async function loadSeeds(dir = seedsDir): Promise<SeedData> {
  const articleDir = path.join(dir, "articles");
  const articleFiles = (await readdir(articleDir)).filter((f) => f.endsWith(".json")).sort();
  return {
    labels: await readJson(path.join(dir, "labels.json"), z.array(SeedLabel)),
    sources: await readJson(path.join(dir, "sources.json"), z.array(SeedSource)),
    articles: await Promise.all(articleFiles.map((f) => readJson(path.join(articleDir, f), SeedArticle))),
  };
}
