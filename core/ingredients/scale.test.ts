import { describe, expect, it } from "vitest";
import { parseIngredientLine } from "./parse-line";
import { amountValue, formatAmount, parseServings, scaleIngredientLine } from "./scale";

const scaled = (line: string, factor: number) => scaleIngredientLine(parseIngredientLine(line), factor).text;

describe("formatAmount", () => {
  it("shows friendly fractions where an amount is close to one", () => {
    expect(formatAmount(1.5)).toBe("1½");
    expect(formatAmount(0.25)).toBe("¼");
    expect(formatAmount(2 / 3)).toBe("⅔");
    expect(formatAmount(1 / 3)).toBe("⅓");
    expect(formatAmount(2.75)).toBe("2¾");
    expect(formatAmount(0.33)).toBe("⅓");
  });

  it("otherwise rounds to at most two decimals, and never shows 0, NaN or Infinity", () => {
    expect(formatAmount(2)).toBe("2");
    expect(formatAmount(1.2945)).toBe("1.29");
    expect(formatAmount(400 / 3)).toBe("133.33");
    expect(formatAmount(12.5)).toBe("12.5");
    expect(formatAmount(0.999)).toBe("1");
    expect(formatAmount(0.001)).toBe("0.01");
    expect(formatAmount(Number.NaN)).toBe("");
    expect(formatAmount(Number.POSITIVE_INFINITY)).toBe("");
  });
});

describe("amountValue", () => {
  it("reads whole numbers, decimals, fractions, mixed numbers and vulgar fractions", () => {
    expect(amountValue("2")).toBe(2);
    expect(amountValue("0.5")).toBe(0.5);
    expect(amountValue("1/2")).toBe(0.5);
    expect(amountValue("1 1/2")).toBe(1.5);
    expect(amountValue("1½")).toBe(1.5);
    expect(amountValue("¾")).toBe(0.75);
    expect(amountValue("1/0")).toBeNull();
    expect(amountValue("x")).toBeNull();
  });
});

describe("scaleIngredientLine", () => {
  it("recalculates the leading amount and keeps the rest of the line as written", () => {
    expect(scaled("2 chicken thighs", 2)).toBe("4 chicken thighs");
    expect(scaled("1 egg", 1.5)).toBe("1½ egg");
    expect(scaled("1/2 tsp salt", 1.5)).toBe("¾ tsp salt");
    expect(scaled("1 1/2 cups flour", 2)).toBe("3 cups flour");
    expect(scaled("1½ cups flour", 0.5)).toBe("¾ cups flour");
    expect(scaled("400 g spaghetti", 0.5)).toBe("200 g spaghetti");
    expect(scaled("1 (400 g) can chickpeas", 2)).toBe("2 (400 g) can chickpeas");
    expect(scaled("- 3 onions", 2)).toBe("- 6 onions");
  });

  it("scales both ends of a range", () => {
    expect(scaled("2-3 cloves garlic", 2)).toBe("4-6 cloves garlic");
    expect(scaled("2 to 3 cloves garlic", 1.5)).toBe("3 to 4½ cloves garlic");
  });

  it("reads an article as one", () => {
    expect(scaled("a handful of basil", 3)).toBe("3 handful of basil");
  });

  it("keeps a line without an amount, a heading, and every line at the recipe's own servings", () => {
    expect(scaled("salt to taste", 3)).toBe("salt to taste");
    expect(scaled("For the sauce:", 3)).toBe("For the sauce:");
    expect(scaled("00 flour", 2)).toBe("00 flour");
    expect(scaled("1/2 tsp salt", 1)).toBe("1/2 tsp salt");
  });

  it("never produces NaN, whatever the factor", () => {
    for (const factor of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(scaled("2 eggs", factor)).toBe("2 eggs");
    }
    expect(scaled("2 eggs", 1 / 7)).not.toMatch(/NaN|Infinity/);
  });
});

describe("parseServings", () => {
  it("takes a whole number from 1 to 100, else the recipe's own", () => {
    expect(parseServings("6", 4)).toBe(6);
    expect(parseServings(["2", "8"], 4)).toBe(8);
    expect(parseServings("100", 4)).toBe(100);
    for (const bad of ["0", "101", "-2", "2.5", "six", "", "1e2", undefined, "9".repeat(400)]) expect(parseServings(bad, 4)).toBe(4);
  });
});
