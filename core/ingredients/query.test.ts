import { describe, expect, it } from "vitest";
import { parseIngredientQuery } from "./query";

/** What the module promises about every non-empty name it returns. */
const ALLOWED_NAME = /^[\p{L}\p{M}\p{N}' -]+$/u;

describe("parseIngredientQuery", () => {
  it("splits on commas, semicolons and newlines and normalises each term", () => {
    expect(parseIngredientQuery("Tomatoes, eggs; basil\nOlive Oil\r\ngarlic")).toEqual(["tomato", "egg", "basil", "olive oil", "garlic"]);
  });

  it("does not split on spaces or 'and'", () => {
    expect(parseIngredientQuery("cherry tomatoes, salt and pepper")).toEqual(["cherry tomato", "salt and pepper"]);
  });

  it("de-duplicates after normalisation, keeping first-seen order", () => {
    expect(parseIngredientQuery("eggs, tomato, Eggs, 3 tomatoes, EGG, basil")).toEqual(["egg", "tomato", "basil"]);
  });

  it("drops empty terms", () => {
    expect(parseIngredientQuery(",, ;\n , eggs ,,, ;;")).toEqual(["egg"]);
    expect(parseIngredientQuery("")).toEqual([]);
    expect(parseIngredientQuery("   ")).toEqual([]);
  });

  it("caps to 12 terms by default and honours maxTerms", () => {
    const many = Array.from({ length: 30 }, (_, i) => `ingredient${i}`).join(",");
    expect(parseIngredientQuery(many)).toHaveLength(12);
    expect(parseIngredientQuery(many)[0]).toBe("ingredient0");
    expect(parseIngredientQuery(many, 3)).toEqual(["ingredient0", "ingredient1", "ingredient2"]);
    expect(parseIngredientQuery(many, 0)).toEqual([]);
    expect(parseIngredientQuery(many, -5)).toEqual([]);
    expect(parseIngredientQuery(many, 2.9)).toHaveLength(2);
    expect(parseIngredientQuery(many, Number.NaN)).toHaveLength(12);
  });

  it("counts the cap after de-duplication", () => {
    expect(parseIngredientQuery("egg, eggs, Egg, milk, flour", 2)).toEqual(["egg", "milk"]);
  });

  it("only reads the first 2,000 characters", () => {
    const input = "a".repeat(1_999) + ",eggs,milk";
    expect(parseIngredientQuery(input)).toEqual(["a".repeat(60)]);
  });

  it("splits on full-width and Arabic commas too", () => {
    expect(parseIngredientQuery("eggs，milk、flour،rice")).toEqual(["egg", "milk", "flour", "rice"]);
  });

  const hostile: ReadonlyArray<readonly [string, string]> = [
    ["10 kB", "tomatoes, ".repeat(1_000)],
    ["100 kB of one letter", "a".repeat(100_000)],
    ["100 kB of commas", ",".repeat(100_000)],
    ["100 kB of distinct terms", Array.from({ length: 20_000 }, (_, i) => `t${i}x`).join(",")],
    ["SQL", "'; DROP TABLE recipes; --"],
    ["SQL 2", "1' OR '1'='1"],
    ["HTML", "<script>alert(1)</script>, <img src=x onerror=alert(1)>"],
    ["emoji", "🍅🍅, 🥚 eggs, 🧀, 👩‍👩‍👧‍👦"],
    ["zero-width", "\u200Btom\u200Cato\u200Des\uFEFF, e\u2060ggs"],
    ["RTL", "\u202Etomatoes\u202C, \u2067basil\u2069, طماطم, עגבניות"],
    ["NUL and controls", "\u0000salt\u0001\u0007, pep\u0000per\u001F, \u0085\u009F"],
    ["lone surrogates", "\uD800tomato\uDC00, \uDBFF"],
    ["NFKC expansion", "\uFDFA".repeat(2_000)],
    ["zalgo", "t̷̢̛o̶̧m̸a̵t̴o̷e̶s̸".repeat(300)],
    ["numbers only", "1, 2, 3, ½, 1 1/2, 0"],
    ["regex metacharacters", ".*+?^${}()|[]\\, (a+)+$, ((((("],
    ["prototype keys", "__proto__, constructor, toString, hasOwnProperty"],
  ];

  it.each(hostile)("survives hostile input: %s", (_label, input) => {
    const start = performance.now();
    const out = parseIngredientQuery(input);
    const elapsed = performance.now() - start;
    expect(Array.isArray(out)).toBe(true);
    expect(out.length).toBeLessThanOrEqual(12);
    expect(new Set(out).size).toBe(out.length);
    for (const term of out) {
      expect(term.length).toBeGreaterThan(0);
      expect(term.length).toBeLessThanOrEqual(60);
      expect(term).toMatch(ALLOWED_NAME);
    }
    expect(elapsed).toBeLessThan(250);
  });

  it("cleans hostile input into plain terms", () => {
    expect(parseIngredientQuery("\u200Btom\u200Cato\u200Des\uFEFF, e\u2060ggs")).toEqual(["tomato", "egg"]);
    expect(parseIngredientQuery("\u0000salt\u0001, pep\u0000per")).toEqual(["salt", "pepper"]);
    expect(parseIngredientQuery("🍅🍅, 🥚 eggs, 🧀")).toEqual(["egg"]);
    expect(parseIngredientQuery("'; DROP TABLE recipes; --")).toEqual(["drop table recipe"]);
    for (const term of parseIngredientQuery("<script>alert(1)</script>, <b>basil</b>")) {
      expect(term).not.toMatch(/[<>()/]/);
    }
    expect(parseIngredientQuery("__proto__, constructor")).toEqual(["proto", "constructor"]);
  });

  it("never throws on non-string input", () => {
    expect(parseIngredientQuery(undefined as unknown as string)).toEqual([]);
    expect(parseIngredientQuery({ toString: () => "eggs" } as unknown as string)).toEqual([]);
  });
});
