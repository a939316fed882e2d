import { randomBytes } from "node:crypto";
import { expect, signInRequest, test } from "./support/fixtures";

test("near-duplicate sources are flagged to everyone, and an admin merges them from the sources page", async ({ page, signInAs, request }) => {
  await signInRequest(request, "analyst1");
  const tag = randomBytes(4).toString("hex");
  const [keep, typo] = [`Associated Press ${tag}`, `Asociated Pres ${tag}`];
  const kept = (await (await request.post("/api/sources", { data: { name: keep } })).json()) as { id: string };
  const flagged = await request.post("/api/sources", { data: { name: typo } });
  expect(((await flagged.json()) as { nearDuplicates: { id: string }[] }).nearDuplicates).toEqual([{ id: kept.id, name: keep }]);
  const article = (await (await request.post("/api/articles", { data: { source: { name: typo }, title: `Merged ${tag}`, body: `Filed by ${tag}.` } })).json()) as { id: string };

  await signInAs("analyst2");
  await page.goto("/sources");
  const notice = page.getByRole("region", { name: "Possible duplicate sources" });
  await expect(notice).toContainText(`“${typo}” and “${keep}”`);
  await expect(notice.getByRole("button")).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await signInAs("admin");
  await page.goto("/sources");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Merge “${typo}” into “${keep}”` }).click();
  await expect(page.getByRole("region", { name: "Possible duplicate sources" }).getByText(typo)).toHaveCount(0);
  const moved = (await (await request.get(`/api/articles/${article.id}`)).json()) as { source: { id: string } };
  expect(moved.source.id).toBe(kept.id);
});
