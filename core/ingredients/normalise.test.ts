import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeIngredientName } from "./normalise";

describe("normalizeIngredientName", () => {
  it.each([
    ["Tomatoes", "tomato"],
    ["TOMATOES", "tomato"],
    ["tomato", "tomato"],
    ["eggs", "egg"],
    ["Eggs", "egg"],
    ["cherry tomatoes", "cherry tomato"],
    ["olive oil", "olive oil"],
    ["green beans", "green bean"],
    ["berries", "berry"],
    ["potatoes", "potato"],
    ["leaves", "leaf"],
    ["anchovies", "anchovy"],
    ["chickpeas", "chickpea"],
    ["oats", "oat"],
    ["lentils", "lentil"],
    ["chilies", "chili"],
    ["brownies", "brownie"],
    ["avocadoes", "avocado"],
    ["greens", "greens"],
    ["collard greens", "collard greens"],
    ["haggis", "haggis"],
    ["foie gras", "foie gras"],
    ["sea bass", "sea bass"],
    ["citrus", "citrus"],
  ])("singularises only the last word: %s → %s", (input, expected) => {
    expect(normalizeIngredientName(input)).toBe(expected);
  });

  it("collapses whitespace and trims", () => {
    expect(normalizeIngredientName("  olive \t  oil \n ")).toBe("olive oil");
  });

  it("applies NFKC (full-width letters, ligatures)", () => {
    expect(normalizeIngredientName("ＴＯＭＡＴＯＥＳ")).toBe("tomato");
    expect(normalizeIngredientName("\uFB01gs")).toBe("fig"); // "ﬁgs"
  });

  it("drops parenthetical text and everything after the first comma", () => {
    expect(normalizeIngredientName("tomatoes (about 4), chopped")).toBe("tomato");
    expect(normalizeIngredientName("onion, peeled, diced")).toBe("onion");
    expect(normalizeIngredientName("rice [basmati]")).toBe("rice");
  });

  it("keeps 'ground' (ground cumin is not cumin seed) but drops 'freshly ground'", () => {
    expect(normalizeIngredientName("ground cumin")).toBe("ground cumin");
    expect(normalizeIngredientName("ground black pepper")).toBe("ground black pepper");
    expect(normalizeIngredientName("freshly ground black pepper")).toBe("black pepper");
  });

  it("strips common leading descriptors but not product-defining words", () => {
    expect(normalizeIngredientName("fresh chopped parsley")).toBe("parsley");
    expect(normalizeIngredientName("large ripe tomatoes")).toBe("tomato");
    expect(normalizeIngredientName("finely grated parmesan")).toBe("parmesan");
    expect(normalizeIngredientName("smoked paprika")).toBe("smoked paprika");
    expect(normalizeIngredientName("plain flour")).toBe("plain flour");
    expect(normalizeIngredientName("whole milk")).toBe("whole milk");
  });

  it("never strips the last word away", () => {
    expect(normalizeIngredientName("fresh")).toBe("fresh");
    expect(normalizeIngredientName("large")).toBe("large");
  });

  it("keeps only letters, digits, spaces, hyphens and apostrophes", () => {
    expect(normalizeIngredientName("salt!!! @#$% (sea)")).toBe("salt");
    expect(normalizeIngredientName("'quoted' tomatoes")).toBe("quoted tomato");
    expect(normalizeIngredientName("7-up")).toBe("7-up");
  });

  it("caps the result at 60 characters on a word boundary", () => {
    const long = "very ".repeat(30) + "tomatoes";
    const out = normalizeIngredientName(long);
    expect(out.length).toBeLessThanOrEqual(60);
    expect(out.endsWith(" ")).toBe(false);
    expect(out.startsWith("very very")).toBe(true);
    expect(normalizeIngredientName("x".repeat(500))).toBe("x".repeat(60));
  });

  it("returns '' when nothing usable is left", () => {
    for (const input of ["", "   ", "10", "2 1/2", "½", "!!!", "🍅🥚", "\u200B\u200D", "\u0000", "---", "()", "(just a note)"]) {
      expect(normalizeIngredientName(input)).toBe("");
    }
  });

  it("removes zero-width, bidi and control characters", () => {
    expect(normalizeIngredientName("tom\u200Bato\u200Ces")).toBe("tomato");
    expect(normalizeIngredientName("\u202Etomatoes\u202C")).toBe("tomato");
    expect(normalizeIngredientName("pep\u0000per")).toBe("pepper");
    expect(normalizeIngredientName("\uFEFFbasil")).toBe("basil");
  });

  it("keeps non-Latin scripts", () => {
    expect(normalizeIngredientName("طماطم")).toBe("طماطم");
    expect(normalizeIngredientName("番茄")).toBe("番茄");
  });

  it("tolerates non-string input from untyped callers", () => {
    expect(normalizeIngredientName(null as unknown as string)).toBe("");
    expect(normalizeIngredientName(42 as unknown as string)).toBe("");
  });
});

describe("module hygiene", () => {
  const modules = readdirSync(new URL(".", import.meta.url)).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));
  it.each(modules)("%s uses no Node APIs, so it can run in the browser", (name) => {
    const source = readFileSync(new URL(`./${name}`, import.meta.url), "utf8");
    expect(source).not.toMatch(/from\s+["']node:/);
    expect(source).not.toMatch(/\brequire\s*\(/);
    expect(source).not.toMatch(/\b(process|Buffer|__dirname|__filename)\b/);
    expect(source).not.toMatch(/:\s*any\b|as\s+any\b|<any>/);
  });
});
