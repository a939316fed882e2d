import { describe, expect, it } from "vitest";
import { CreateCampaignInput, UpdateCampaignInput } from "./campaigns";

const ID = "00000000-0000-4000-8000-000000000001";
const base = { name: "Leaning panel", annotatorIds: [ID], overlap: 3, assignment: "static" } as const;

describe("campaign inputs", () => {
  it.each([
    ["a day is due at its end (UTC)", { dueAt: "2030-01-31" }, { dueAt: "2030-01-31T23:59:59.999Z" }],
    ["a timestamp is kept", { dueAt: "2030-01-31T12:00:00+02:00" }, { dueAt: "2030-01-31T12:00:00+02:00" }],
    ["articles by filter", { filter: { sourceIds: [ID], from: "2024-01-01" } }, { filter: { sourceIds: [ID], from: "2024-01-01" } }],
  ])("%s", (_, extra, expected) => {
    expect(CreateCampaignInput.parse({ ...base, ...extra })).toMatchObject(expected);
  });

  it.each([
    ["k = 0", { overlap: 0 }],
    ["k above 20", { overlap: 21 }],
    ["no annotators", { annotatorIds: [] }],
    ["an unknown assignment", { assignment: "round-robin" }],
    ["a day that does not exist", { dueAt: "2030-02-30" }],
    ["an unknown key", { blind: true }],
    ["an empty name", { name: "  " }],
    ["abandonment of 0 minutes", { abandonAfterMinutes: 0 }],
  ])("refuses %s", (_, extra) => {
    expect(CreateCampaignInput.safeParse({ ...base, ...extra }).success).toBe(false);
  });

  it("a patch may close, clear the due date or add articles; it may not reopen", () => {
    expect(UpdateCampaignInput.parse({ status: "CLOSED", dueAt: null })).toEqual({ status: "CLOSED", dueAt: null });
    expect(UpdateCampaignInput.safeParse({ status: "RUNNING" }).success).toBe(false);
    expect(UpdateCampaignInput.parse({ addArticleIds: [ID] })).toEqual({ addArticleIds: [ID] });
  });
});
