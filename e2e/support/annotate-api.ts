import { expect, type APIRequestContext } from "@playwright/test";

/** Code point offsets of the `occurrence`-th `text` in an article, as the API expects them. */
export async function spanOf(api: APIRequestContext, articleId: string, text: string, occurrence = 0) {
  const { body } = (await (await api.get(`/api/articles/${articleId}`)).json()) as { body: string };
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = body.indexOf(text, index + 1);
  if (index < 0) throw new Error(`"${text}" is not in the article`);
  const start = Array.from(body.slice(0, index)).length;
  return { start, end: start + Array.from(text).length, quote: text };
}

export async function annotate(api: APIRequestContext, articleId: string, label: string, text: string, occurrence = 0) {
  const response = await api.post(`/api/articles/${articleId}/annotations`, { data: { label, ...(await spanOf(api, articleId, text, occurrence)) } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

/** A seed article by its source's name: filtered by source, since other tests keep adding articles. */
export async function seedArticleOf(api: APIRequestContext, sourceName: string): Promise<{ id: string; sourceId: string; title: string }> {
  const { items: sources } = (await (await api.get("/api/sources")).json()) as { items: { id: string; name: string }[] };
  const source = sources.find((s) => s.name === sourceName);
  if (!source) throw new Error(`no source "${sourceName}"`);
  const { items } = (await (await api.get(`/api/articles?sourceId=${source.id}&limit=100`)).json()) as { items: { id: string; title: string }[] };
  if (items.length !== 1) throw new Error(`expected the one seed article of ${sourceName}, found ${items.length}`);
  return { id: items[0]!.id, sourceId: source.id, title: items[0]!.title };
}
