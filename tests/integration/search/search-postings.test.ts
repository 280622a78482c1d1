import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rows, type Db } from "@/infra/db";
import { users } from "@/infra/db/schema";
import { PANTRY_STAPLES } from "@/core/search/staples";
import { createRecipe, deleteRecipe, updateRecipe } from "@/core/recipes/queries";
import { recipeFormSchema } from "@/core/recipes/schemas";
import { searchRecipes } from "@/core/search/search";

const migration = readFileSync(path.join(process.cwd(), "infra/db/migrations/0004_search_postings.sql"), "utf8");
const nameIdsMigration = readFileSync(path.join(process.cwd(), "infra/db/migrations/0005_search_exact_check.sql"), "utf8");
const statementsOf = (file: string) => file.split("--> statement-breakpoint").map((statement) => statement.trim());

const input = (title: string, lines: string[]) =>
  recipeFormSchema.parse({
    title,
    summary: "",
    ingredients: lines.join("\n"),
    steps: "Cook.",
    servings: "2",
    prepMinutes: "0",
    cookMinutes: "0",
    imageUrl: "",
  });

/** The postings and counts every recipe should have, computed here independently of the SQL. */
async function expectPostingsMatchRecipes(db: Db) {
  const recipes = rows(await db.execute(sql`SELECT id, ingredient_names FROM recipes`));
  const ids = new Map(
    rows(await db.execute(sql`SELECT name, id FROM ingredient_stats`)).map((row) => [row.name as string, Number(row.id)]),
  );
  const expected = recipes.flatMap((recipe) => {
    const names = recipe.ingredient_names as string[];
    const signature = names.reduce((bits, name) => bits | (1n << BigInt(createHash("md5").update(name).digest()[0]! & 63)), 0n);
    const nonstaple = names.filter((name) => !PANTRY_STAPLES.has(name)).length;
    const nameIds = names.map((name) => ids.get(name)).sort((a, b) => a! - b!);
    return names.map((name) =>
      [Number(recipe.id), name, names.length, nonstaple, BigInt.asIntN(64, signature).toString(), nameIds.join(",")].join("|"),
    );
  });
  const actual = rows(
    await db.execute(
      sql`SELECT recipe_id, name, ingredient_count, nonstaple_count, signature::text AS signature, name_ids FROM recipe_ingredients`,
    ),
  ).map((row) =>
    [
      Number(row.recipe_id),
      row.name,
      Number(row.ingredient_count),
      Number(row.nonstaple_count),
      row.signature,
      (row.name_ids as number[]).join(","),
    ].join("|"),
  );
  expect(actual.sort()).toEqual(expected.sort());
  const stats = rows(await db.execute(sql`SELECT name, recipe_count FROM ingredient_stats WHERE recipe_count > 0 ORDER BY name`));
  const counted = new Map<string, number>();
  for (const recipe of recipes) for (const name of recipe.ingredient_names as string[]) counted.set(name, (counted.get(name) ?? 0) + 1);
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
    expect((await searchRecipes(db, ["carrot"])).results.map((r) => r.id)).toEqual([soup]);
    expect((await searchRecipes(db, ["potato"])).results.map((r) => r.id)).toEqual([salad]);

    expect(await deleteRecipe(db, owner!.id, salad)).toBe(true);
    await expectPostingsMatchRecipes(db);
    expect(await searchRecipes(db, ["potato", "chive"])).toMatchObject({ results: [], total: 0 });
  });

  it("are rebuilt by the migration's data statements exactly as the app writes them", async () => {
    const db = await getDb();
    await createRecipe(db, null, input("Pancakes", ["2 eggs", "200 ml milk", "100 g plain flour", "1 tbsp sugar"]));
    const backfill = statementsOf(migration).filter((statement) => /^(--.*\n)*INSERT INTO/.test(statement));
    expect(backfill).toHaveLength(2);
    const nameIdsBackfill = statementsOf(nameIdsMigration).filter((statement) => /^(--.*\n)*(INSERT INTO|UPDATE)/.test(statement));
    expect(nameIdsBackfill).toHaveLength(2);
    await db.execute(sql`DELETE FROM recipe_ingredients`);
    await db.execute(sql`DELETE FROM ingredient_stats`);
    // As on a database migrated from before 0005: postings without name ids yet.
    await db.execute(sql`ALTER TABLE recipe_ingredients ALTER COLUMN name_ids DROP NOT NULL`);
    for (const statement of [...backfill, ...nameIdsBackfill]) await db.execute(sql.raw(statement));
    await db.execute(sql`ALTER TABLE recipe_ingredients ALTER COLUMN name_ids SET NOT NULL`);
    await expectPostingsMatchRecipes(db);
  });

  it("the migration's staple list is PANTRY_STAPLES", () => {
    const list = /x = ANY \(ARRAY\[([^\]]*)\]::text\[\]\)/.exec(migration)![1]!;
    const staples = [...list.matchAll(/'([^']*)'/g)].map((match) => match[1]);
    expect(new Set(staples)).toEqual(PANTRY_STAPLES);
  });
});
