import { describe, expect, it } from "vitest";
import { IsoDate, IsoDay, IsoMonth } from "./common";
import { ExportQuery } from "./datasets";

const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message).join("; ") ?? "";

describe("dates Slant accepts", () => {
  it.each(["0000-01-01", "0000-06-15T12:00:00Z", "10000-01-01", "2021-02-30", "2021-02-29", "2021-13-01", "yesterday"])("refuses %s with a readable reason", (value) => {
    const result = IsoDate.safeParse(value);
    expect(result.success).toBe(false);
    expect(message(result)).toMatch(/between 0001-01-01 and 9999-12-31/);
  });

  it.each([
    ["2020-02-29", "2020-02-29"],
    ["0001-01-01", "0001-01-01"],
    ["9999-12-31", "9999-12-31"],
    ["2021-08-12T23:30:00+02:00", "2021-08-12"],
  ])("accepts %s as %s", (value, stored) => {
    expect(IsoDate.parse(value)).toBe(stored);
  });

  it("days and months refuse year 0000 too", () => {
    expect(IsoDay.safeParse("0000-01-01").success).toBe(false);
    expect(IsoMonth.safeParse("0000-01").success).toBe(false);
    expect(IsoMonth.safeParse("0001-12").success).toBe(true);
  });

  it("export ranges use them", () => {
    expect(ExportQuery.safeParse({ format: "jsonl", from: "0000-01-01" }).success).toBe(false);
  });
});
