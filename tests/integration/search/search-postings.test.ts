import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rows, type Db } from "@/infra/db";
import { users } from "@/infra/db/schema";
import { PANTRY_STAPLES } from "@/core/search/staples";
import { createRecipe, deleteRecipe, updateRecipe } from "@/core/recipes/queries";
import { recipeFormSchema } from "@/core/recipes/schemas";
import { searchRecipes } from "@/core/search/search";
import { lineageOf } from "@/core/ingredients/dictionary";
import { syncDictionary } from "@/core/ingredients/dictionary/sync";

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

/** The postings and counts every recipe should have, computed here from the rule (each ingredient posts itself and its kinds), not by postingsOf. */
async function expectPostingsMatchRecipes(db: Db) {
  const recipes = rows(await db.execute(sql`SELECT id, ingredient_names FROM recipes`));
  const ids = new Map(
    rows(await db.execute(sql`SELECT name, id FROM ingredient_stats`)).map((row) => [row.name as string, Number(row.id)]),
  );
  const postedNames = (leaves: string[]) => [...new Set(leaves.flatMap((leaf) => lineageOf(leaf)))];
  const expected = recipes.flatMap((recipe) => {
    const leaves = recipe.ingredient_names as string[];
    const names = postedNames(leaves);
    const signature = names.reduce((bits, name) => bits | (1n << BigInt(createHash("md5").update(name).digest()[0]! & 63)), 0n);
    const nonstaple = leaves.filter((name) => !PANTRY_STAPLES.has(name)).length;
    const covered = (name: string, only: string[]) => only.filter((leaf) => lineageOf(leaf).includes(name)).length;
    const byId = names.map((name) => ({ id: ids.get(name)!, name })).sort((a, b) => a.id - b.id);
    const coverList = byId.map(
      ({ name }) =>
        covered(
          name,
          leaves.filter((leaf) => !PANTRY_STAPLES.has(leaf)),
        ) +
        256 * covered(name, leaves),
    );
    return names.map((name) =>
      [
        Number(recipe.id),
        name,
        leaves.length,
        nonstaple,
        BigInt.asIntN(64, signature).toString(),
        byId.map((entry) => entry.id).join(","),
        coverList.join(","),
      ].join("|"),
    );
  });
  const actual = rows(
    await db.execute(
      sql`SELECT recipe_id, name, ingredient_count, nonstaple_count, signature::text AS signature, name_ids, name_covers FROM recipe_ingredients`,
    ),
  ).map((row) =>
    [
      Number(row.recipe_id),
      row.name,
      Number(row.ingredient_count),
      Number(row.nonstaple_count),
      row.signature,
      (row.name_ids as number[]).join(","),
      (row.name_covers as number[]).join(","),
    ].join("|"),
  );
  expect(actual.sort()).toEqual(expected.sort());
  const stats = rows(await db.execute(sql`SELECT name, recipe_count FROM ingredient_stats WHERE recipe_count > 0 ORDER BY name`));
  const counted = new Map<string, number>();
  for (const recipe of recipes) {
    for (const name of postedNames(recipe.ingredient_names as string[])) counted.set(name, (counted.get(name) ?? 0) + 1);
  }
  expect(Object.fromEntries(stats.map((row) => [row.name, Number(row.recipe_count)]))).toEqual(Object.fromEntries(counted));
}

describe("search postings", () => {
  it("follow every create, update and delete", async () => {
    const db = await getDb();
    const [owner] = await db
      .insert(users)
      .values({ name: "Cook", email: `cook-${Date.now()}@example.com`, passwordHash: "x", isActive: true })
      .returning();
    const soup = await createRecipe(db, owner!.id, input("Soup", ["2 leeks", "1 potato", "salt", "500 ml water"]));
    const salad = await createRecipe(db, owner!.id, input("Salad", ["1 potato", "2 tbsp olive oil", "chives"]));
    await createRecipe(db, null, input("Bread", ["500 g flour", "salt", "7 g yeast"]));
    await expectPostingsMatchRecipes(db);

    expect(await updateRecipe(db, owner!.id, soup, 1, input("Soup", ["2 leeks", "3 carrots", "salt"]))).toEqual({ status: "updated" });
    await expectPostingsMatchRecipes(db);
    expect((await searchRecipes(db, { ingredients: ["carrot"] })).results.map((r) => r.id)).toEqual([soup]);
    expect((await searchRecipes(db, { ingredients: ["potato"] })).results.map((r) => r.id)).toEqual([salad]);

    expect(await deleteRecipe(db, owner!.id, salad)).toBe(true);
    await expectPostingsMatchRecipes(db);
    expect(await searchRecipes(db, { ingredients: ["potato", "chive"] })).toMatchObject({ results: [], total: 0 });
  });

  it("are rebuilt by syncDictionary exactly as the app writes them, and follow a changed dictionary", async () => {
    const db = await getDb();
    const pancakes = await createRecipe(db, null, input("Pancakes", ["2 eggs", "200 ml milk", "100 g plain flour", "1 tbsp sugar"]));
    const curry = await createRecipe(db, null, input("Curry", ["4 boneless chicken thighs, skin on", "200 g basmati rice", "Prawns"]));
    await expectPostingsMatchRecipes(db);
    // As if the recipes had been resolved by an older dictionary that knew none of these names.
    await db.execute(sql`UPDATE recipes SET ingredient_names = ARRAY['old name'] WHERE id IN (${pancakes}, ${curry})`);
    await db.execute(sql`DELETE FROM recipe_ingredients`);
    await db.execute(sql`UPDATE dictionary_state SET version = 'older'`);
    expect((await searchRecipes(db, { ingredients: ["chicken"] })).results).toEqual([]);

    const report = await syncDictionary(db);
    expect(report.changed).toBe(true);
    await expectPostingsMatchRecipes(db);
    const [row] = rows(await db.execute(sql`SELECT ingredient_names FROM recipes WHERE id = ${curry}`));
    expect(row!.ingredient_names).toEqual(["chicken thigh", "basmati rice", "prawn"]);
    expect((await searchRecipes(db, { ingredients: ["chicken", "rice", "shrimp"] })).results.map((r) => r.id)).toContain(curry);
    expect(await syncDictionary(db)).toMatchObject({ changed: false });
  });
});
