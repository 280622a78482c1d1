import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { recipes } from "@/db/schema";
import { searchQuery } from "@/lib/recipes/search";

// PostgreSQL only (the postgres project): its planner, not PGlite's, serves production.
describe("search query plan on PostgreSQL", () => {
  it("finds candidates through the GIN index on a table of a few thousand recipes", async () => {
    const db = await getDb();
    // 6,000 recipes of 8 ingredients from 1,500: each ingredient is in about 0.5% of them, as a
    // typical typed ingredient is once a catalogue is large.
    const vocabulary = Array.from({ length: 1500 }, (_, i) => `ingredient ${i}`);
    const rows = Array.from({ length: 6000 }, (_, i) => {
      const names = [...new Set(Array.from({ length: 8 }, (_, j) => vocabulary[(i * 8 + j) % vocabulary.length]!))];
      return {
        title: `Recipe ${i}`,
        ingredients: names.map((name) => ({ line: name, quantity: null, quantity2: null, unit: null, name })),
        steps: ["Cook."],
        servings: 2,
        ingredientNames: names,
      };
    });
    for (let start = 0; start < rows.length; start += 500) await db.insert(recipes).values(rows.slice(start, start + 500));
    await db.execute(sql`ANALYZE recipes`);

    const result = await db.execute(sql`EXPLAIN (FORMAT JSON) ${searchQuery(["ingredient 5", "ingredient 77"], { assumeStaples: true, offset: 0 })}`);
    const plan = JSON.stringify(result);
    expect(plan).toContain("recipes_ingredient_names_idx");
    expect(plan).not.toMatch(/"Node Type":\s*"Seq Scan"/);
  });
});
