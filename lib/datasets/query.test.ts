import { describe, expect, it } from "vitest";
import { ExportCountQuery, ExportQuery } from "../schemas/datasets";
import { exportQueryString, searchParamsObject } from "./query";

const parse = (qs: string) => ExportQuery.safeParse(searchParamsObject(new URLSearchParams(qs)));
const ID = "00000000-0000-4000-8000-000000000000";

describe("export query", () => {
  it("keeps repeated keys as lists and reads flags", () => {
    const parsed = parse(`format=csv&label=claim&label=unverified&sourceId=${ID}&gold=1&pseudonymize=true&from=2021-01-01`);
    expect(parsed.data).toEqual({ format: "csv", label: ["claim", "unverified"], sourceId: [ID], annotator: [], from: "2021-01-01", gold: true, pseudonymize: true, annotationsOnly: false });
  });

  it.each([
    ["an unknown parameter", "format=jsonl&colour=red"],
    ["an unknown format", "format=xml"],
    ["no format", "label=claim"],
    ["a bad id", "format=jsonl&sourceId=42"],
    ["a bad flag", "format=jsonl&gold=yes"],
    ["a reversed date range", "format=jsonl&from=2022-01-01&to=2021-01-01"],
  ])("refuses %s", (_name, qs) => {
    expect(parse(qs).success).toBe(false);
  });

  it("round-trips through exportQueryString, leaving out empty values", () => {
    const qs = exportQueryString({ format: "w3c", label: ["claim"], sourceId: [], annotator: [ID], from: "", gold: false, annotationsOnly: true });
    expect(qs).toBe(`format=w3c&label=claim&annotator=${ID}&annotationsOnly=1`);
    expect(parse(qs).success).toBe(true);
    expect(ExportCountQuery.safeParse(searchParamsObject(new URLSearchParams("label=claim"))).success).toBe(true);
  });
});
