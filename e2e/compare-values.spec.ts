import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { spanOf } from "./support/annotate-api";
import { signInPage, signInRequest } from "./support/fixtures";

// Issue #12 §2: a compare card shows each analyst's attributes and note; differing attributes are a
// disagreement of their own; the reviewer chooses gold's values; a change after adjudication shows.
test("differing speakers are a disagreement, the reviewer picks gold's values, and a later edit marks the article changed", async ({ browser, baseURL }) => {
  const [a1, a2] = await Promise.all([playwrightRequest.newContext({ baseURL }), playwrightRequest.newContext({ baseURL })]);
  await signInRequest(a1, "analyst1");
  await signInRequest(a2, "analyst2");
  const body = `Activists said the council met in secret. ${randomBytes(4).toString("hex")}`;
  const created = await a1.post("/api/articles", { data: { source: { name: "E2E Values" }, title: `Values ${randomBytes(3).toString("hex")}`, body } });
  expect(created.status(), await created.text()).toBe(201);
  const articleId = ((await created.json()) as { id: string }).id;
  const span = await spanOf(a1, articleId, "Activists");
  const post = async (api: typeof a1, attributes: Record<string, unknown>, note: string) => {
    const response = await api.post(`/api/articles/${articleId}/annotations`, { data: { label: "attribution", ...span, attributes, note } });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string; version: number };
  };
  const amal = await post(a1, { speaker: "Activists", kind: "vague" }, "no one is named");
  await post(a2, { speaker: "Syrian activists", kind: "named" }, "a known group");

  const reviewer = await (await browser.newContext()).newPage();
  await signInPage(reviewer, "reviewer");
  await reviewer.goto(`/articles/${articleId}/compare`);
  const lanes = reviewer.getByRole("table", { name: "Lanes" });
  const amalCard = lanes.locator('[data-lane="Amal Analyst"]').getByRole("group", { name: "Attribution span" });
  const benCard = lanes.locator('[data-lane="Ben Analyst"]').getByRole("group", { name: "Attribution span" });
  await expect(amalCard.locator('[data-kind="attributes"]')).toHaveText("attributes differ");
  await expect(benCard.locator('[data-kind="attributes"]')).toHaveCount(1);
  await expect(amalCard).toContainText("Activists");
  await expect(amalCard).toContainText("vague");
  await expect(amalCard).toContainText("no one is named");
  await expect(benCard).toContainText("Syrian activists");
  await expect(benCard).toContainText("a known group");
  await expect(amalCard.getByText("notes differ")).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "Accept all agreed spans (0)" })).toBeDisabled();

  // Accepting asks which values gold keeps: Ben's attributes, Amal's note.
  await amalCard.getByRole("button", { name: "Accept into gold" }).click();
  const chooser = reviewer.getByRole("dialog", { name: "Choose the gold values" });
  await expect(chooser.getByRole("button", { name: "Accept with these values" })).toBeDisabled();
  await chooser.getByRole("radio", { name: "Attributes of Ben Analyst" }).check();
  await chooser.getByRole("radio", { name: "Note of Amal Analyst" }).check();
  await chooser.getByRole("button", { name: "Accept with these values" }).click();
  const goldCard = lanes.locator('[data-lane="Gold"]').getByRole("group", { name: "Gold Attribution span" });
  await expect(goldCard).toContainText("Syrian activists");
  await expect(goldCard).toContainText("named");
  await expect(goldCard).toContainText("no one is named");
  await expect(goldCard).toContainText("from 2 annotations");

  // Both spans are decided, so adjudication needs no override.
  await expect(reviewer.locator("[data-undecided]")).toHaveText("Every span decided");
  await reviewer.getByLabel("Gold status").selectOption("ADJUDICATED");
  await expect(reviewer.getByLabel("Gold status")).toHaveValue("ADJUDICATED");
  await expect(reviewer.locator("[data-changed-since-adjudication]")).toHaveCount(0);

  // An analyst's edit afterwards shows on the compare page, the article page and the API.
  const edited = await a1.patch(`/api/annotations/${amal.id}`, { data: { version: amal.version, note: "on reflection: named" } });
  expect(edited.status(), await edited.text()).toBe(200);
  await reviewer.reload();
  await expect(reviewer.locator("[data-changed-since-adjudication]")).toHaveText("Changed since adjudication");
  await reviewer.goto(`/articles/${articleId}`);
  await expect(reviewer.getByText("(changed since adjudication)")).toBeVisible();
  const article = (await (await a1.get(`/api/articles/${articleId}`)).json()) as { goldStatus: string; changedSinceAdjudication: boolean };
  expect(article).toMatchObject({ goldStatus: "ADJUDICATED", changedSinceAdjudication: true });
  await Promise.all([a1.dispose(), a2.dispose()]);
});
