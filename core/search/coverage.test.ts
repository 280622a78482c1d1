import { describe, expect, it } from "vitest";
import { markIngredient, searchedForOf, usedAndMissing } from "./coverage";

describe("what of a recipe a search has", () => {
  it("resolves typed names: a kind covers its forms, another name is the same food", () => {
    const coverage = { searchedFor: searchedForOf(["chicken", "shrimp"], true), assumeStaples: true };
    expect(markIngredient("chicken thigh", coverage)).toBe("have");
    expect(markIngredient("prawn", coverage)).toBe("have");
    expect(markIngredient("lemon", coverage)).toBe("missing");
    expect(markIngredient("", coverage)).toBeNull();
  });

  it("a form does not cover its kind", () => {
    const coverage = { searchedFor: searchedForOf(["chicken thighs"], true), assumeStaples: true };
    expect(markIngredient("chicken", coverage)).toBe("missing");
  });

  it("staples are had when assumed, and missing when counted", () => {
    expect(markIngredient("salt", { searchedFor: searchedForOf(["rice"], true), assumeStaples: true })).toBe("have");
    expect(markIngredient("salt", { searchedFor: searchedForOf(["rice"], false), assumeStaples: false })).toBe("missing");
    // A typed staple ranks only when counted, or when nothing else was typed.
    expect(searchedForOf(["rice", "salt"], true)).toEqual(["rice"]);
    expect(searchedForOf(["rice", "salt"], false)).toEqual(["rice", "salt"]);
    expect(searchedForOf(["salt"], true)).toEqual(["salt"]);
  });

  it("gives a card the same answer line by line", () => {
    const coverage = { searchedFor: searchedForOf(["chicken", "rice"], true), assumeStaples: true };
    const names = ["chicken thigh", "salt", "lemon", "leek"];
    expect(usedAndMissing(names, coverage)).toEqual({ used: ["chicken"], missing: ["lemon", "leek"] });
    expect(names.filter((name) => markIngredient(name, coverage) === "missing")).toEqual(usedAndMissing(names, coverage).missing);
  });
});
