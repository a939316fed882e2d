import { describe, expect, it } from "vitest";
import { emptyHistory, record, redo, undo, type History } from "./history";

const steps = (...entries: string[]) => entries.reduce<History<string>>((h, e) => record(h, e), emptyHistory());

describe("undo history", () => {
  it("undoes newest first and redoes in the order undone", () => {
    let h = steps("create", "edit", "delete");
    const undone: string[] = [];
    for (let step = undo(h); step; step = undo(h)) {
      undone.push(step.entry);
      h = step.history;
    }
    expect(undone).toEqual(["delete", "edit", "create"]);
    const redone: string[] = [];
    for (let step = redo(h); step; step = redo(h)) {
      redone.push(step.entry);
      h = step.history;
    }
    expect(redone).toEqual(["create", "edit", "delete"]);
    expect(h).toEqual(steps("create", "edit", "delete"));
  });

  it("has nothing to undo or redo when empty", () => {
    expect(undo(emptyHistory())).toBeNull();
    expect(redo(emptyHistory())).toBeNull();
  });

  it("forgets the undone steps when a new one is recorded", () => {
    const h = record(undo(steps("a", "b"))!.history, "c");
    expect(h).toEqual({ past: ["a", "c"], future: [] });
    expect(redo(h)).toBeNull();
  });

  it("folds a step into the newest one when merge says so", () => {
    const sameField = (newest: string, entry: string) => (newest[0] === entry[0] ? `${newest}+${entry}` : null);
    const h = [ "n1", "n2", "a1" ].reduce<History<string>>((acc, e) => record(acc, e, sameField), emptyHistory());
    expect(h.past).toEqual(["n1+n2", "a1"]);
  });

  it("keeps at most `limit` steps, dropping the oldest", () => {
    const h = ["a", "b", "c", "d"].reduce<History<string>>((acc, e) => record(acc, e, undefined, 3), emptyHistory());
    expect(h.past).toEqual(["b", "c", "d"]);
  });
});
