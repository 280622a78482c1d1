import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/infra/db";
import { users } from "@/infra/db/schema";
import { createRecipe } from "@/core/recipes/queries";
import { recipeFormSchema } from "@/core/recipes/schemas";
import { matchIngredients, suggestIngredients } from "@/core/search/suggest";

const input = (title: string, lines: string[]) =>
  recipeFormSchema.parse({
    title,
    summary: "",
    ingredients: lines.join("\n"),
    steps: "Cook.",
    servings: "2",
    prepMinutes: "0",
    cookMinutes: "0",
  });

/** Sets recipe counts as the postings would, without writing that many recipes. */
async function setCounts(db: Db, counts: Record<string, number>) {
  for (const [name, count] of Object.entries(counts)) {
    await db.execute(sql`
      INSERT INTO ingredient_stats (name, recipe_count) VALUES (${name}, ${count})
      ON CONFLICT (name) DO UPDATE SET recipe_count = excluded.recipe_count`);
  }
}

const shown = (suggestions: { name: string; matched: string | null }[]) =>
  suggestions.map((suggestion) => (suggestion.matched ? `${suggestion.name} (${suggestion.matched})` : suggestion.name));

describe("ingredient suggestions", () => {
  let db: Db;

  beforeAll(async () => {
    db = await getDb();
    await setCounts(db, { tomato: 30, "tomato paste": 40, "cherry tomato": 100, tomatillo: 2, prawn: 12, "shrimp paste": 1 });
  });

  it("suggests the canonical entry for another name, showing the name typed", async () => {
    const suggestions = await suggestIngredients(db, "shri");
    expect(suggestions[0]).toEqual({ name: "prawn", matched: "shrimp", recipeCount: 12 });
    expect(shown(suggestions)).toContain("shrimp paste");
    // "jumbo shrimp" is another name of king prawn: a word inside a key matches too, after the key prefixes.
    expect(shown(suggestions)).toContain("king prawn (jumbo shrimp)");
    expect(shown(suggestions).indexOf("king prawn (jumbo shrimp)")).toBeGreaterThan(shown(suggestions).indexOf("shrimp paste"));

    expect(shown(await suggestIngredients(db, "arug"))).toEqual(expect.arrayContaining(["rocket (arugula)", "wild rocket (wild arugula)"]));
    expect((await suggestIngredients(db, "arug"))[0]).toMatchObject({ name: "rocket", matched: "arugula" });
  });

  it("gives one entry per ingredient whichever of its forms is typed", async () => {
    const plural = await suggestIngredients(db, "tomatoes");
    expect(plural[0]).toEqual({ name: "tomato", matched: "tomatoes", recipeCount: 30 });
    expect(plural.filter((suggestion) => suggestion.name === "tomato")).toHaveLength(1);

    const singular = await suggestIngredients(db, "tomato");
    expect(singular[0]).toEqual({ name: "tomato", matched: null, recipeCount: 30 });
    // "tom" is a prefix of both "tomato" and "tomatoes": still one tomato, shown by its canonical name.
    const prefix = await suggestIngredients(db, "tom", 20);
    expect(prefix.filter((suggestion) => suggestion.name === "tomato")).toEqual([{ name: "tomato", matched: null, recipeCount: 30 }]);

    for (const text of ["t", "to", "tom", "s", "shri", "pepper", "a", "chi", "oil"]) {
      const names = (await suggestIngredients(db, text, 20)).map((suggestion) => suggestion.name);
      expect(new Set(names).size, text).toBe(names.length);
    }
  });

  it("ranks an exact name first, then names that start with the text by recipe count, then names with a word that does", async () => {
    const suggestions = shown(await suggestIngredients(db, "tom", 20));
    // tomato paste (40) before tomato (30) before tomatillo (2); cherry tomato (100) only after every name starting "tom".
    expect(suggestions.indexOf("tomato paste")).toBeLessThan(suggestions.indexOf("tomato"));
    expect(suggestions.indexOf("tomato")).toBeLessThan(suggestions.indexOf("tomatillo"));
    expect(suggestions.indexOf("cherry tomato")).toBeGreaterThan(suggestions.indexOf("tomatillo"));
    expect(suggestions.slice(0, 2)).toEqual(["tomato paste", "tomato"]);

    // Typed exactly, tomato comes first however popular tomato paste is.
    expect(shown(await suggestIngredients(db, "tomato")).slice(0, 2)).toEqual(["tomato", "tomato paste"]);
    // Never more than asked for.
    expect(await suggestIngredients(db, "tom", 3)).toHaveLength(3);
    expect(await suggestIngredients(db, "tom")).toHaveLength(8);
  });

  it("counts what the recipes use, as each recipe write records it", async () => {
    const [owner] = await db
      .insert(users)
      .values({ name: "Cook", email: `suggest-${Date.now()}@example.com`, passwordHash: "x", isActive: true })
      .returning();
    await createRecipe(db, owner!.id, input("Quince jelly", ["1 kg quinces", "sugar"]));
    await createRecipe(db, owner!.id, input("Baked quince", ["4 quinces", "honey"]));
    expect((await suggestIngredients(db, "quin"))[0]).toMatchObject({ name: "quince", recipeCount: 2 });
  });

  it("answers any input without throwing: odd text is cleaned, nonsense matches nothing", async () => {
    for (const text of [undefined, null, 42, {}, ["shri"], "", "   ", ",", "x".repeat(61), "🍅", "' OR 1=1; --", "\u0000", "zzzzqqq"]) {
      expect(await suggestIngredients(db, text as string), JSON.stringify(text)).toEqual([]);
    }
    expect((await suggestIngredients(db, "  SHRI "))[0]?.name).toBe("prawn");
    expect((await suggestIngredients(db, "\u202e\u200bshri"))[0]?.name).toBe("prawn");
    expect((await suggestIngredients(db, "Jalapeño"))[0]).toMatchObject({ name: "jalapeno", matched: null });
    expect((await suggestIngredients(db, "CRÈME FR"))[0]).toMatchObject({ name: "creme fraiche" });
    for (const limit of [0, -1, Number.NaN, Infinity, 1.5]) {
      const count = (await suggestIngredients(db, "tom", limit)).length;
      expect(count, String(limit)).toBeGreaterThanOrEqual(1);
      expect(count, String(limit)).toBeLessThanOrEqual(20);
    }
  });

  it("matches in memory fast enough to run on every keystroke", () => {
    matchIngredients("a");
    const started = performance.now();
    for (let i = 0; i < 1_000; i++) matchIngredients(["s", "to", "shri", "chicken th", "arug"][i % 5]);
    // A thousand lookups, the shortest prefixes included, in well under a second.
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
