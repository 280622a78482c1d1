import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/infra/db";
import { recipes, users } from "@/infra/db/schema";
import { createRecipe, deleteRecipe, getOwnRecipe, getRecipe, listOwnRecipes, updateRecipe } from "@/core/recipes/queries";
import { recipeFormSchema, type RecipeInput } from "@/core/recipes/schemas";
import { searchRecipes } from "@/core/search/search";

const recipe = (title: string, ingredients: string[], extra: Partial<Record<string, string>> = {}): RecipeInput =>
  recipeFormSchema.parse({
    title,
    summary: "",
    ingredients: ingredients.join("\n"),
    steps: "Cook it.",
    servings: "2",
    prepMinutes: "5",
    cookMinutes: "10",
    ...extra,
  });

async function makeUser(db: Db, name: string) {
  const [row] = await db
    .insert(users)
    .values({ name, email: `${name.toLowerCase()}-${Date.now()}-${Math.random()}@example.com`, passwordHash: "x", isActive: true })
    .returning();
  return row!;
}

describe("search ranking", () => {
  let db: Db;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    db = await getDb();
    const fixtures: [string, string[]][] = [
      ["Tomato basil salad", ["3 Tomatoes", "a handful of basil leaves", "2 tbsp olive oil", "salt"]],
      ["Tomato soup", ["6 tomatoes", "1 onion", "2 cloves garlic", "500 ml stock", "salt"]],
      ["Caprese", ["2 tomatoes", "125 g mozzarella", "basil", "black pepper"]],
      ["Garlic bread", ["1 baguette", "3 cloves garlic", "50 g butter"]],
      ["Plain rice", ["200 g rice", "400 ml water", "salt"]],
    ];
    for (const [title, lines] of fixtures) ids[title] = await createRecipe(db, null, recipe(title, lines));
  });

  it("ranks by typed ingredients used, then by fewest missing; staples never count as missing", async () => {
    const { results } = await searchRecipes(db, { ingredients: ["tomato", "basil"] });
    expect(results.map((result) => result.title)).toEqual(["Tomato basil salad", "Caprese", "Tomato soup"]);
    expect(results[0]).toMatchObject({ used: ["tomato", "basil"], missing: [] });
    expect(results[1]).toMatchObject({ used: ["tomato", "basil"], missing: ["mozzarella"] });
    expect(results[2]!.missing).toEqual(["onion", "garlic", "stock"]);
  });

  it("counts staples as missing when the person says they do not have them", async () => {
    const { results } = await searchRecipes(db, { ingredients: ["tomato", "basil"], assumeStaples: false });
    expect(results[0]).toMatchObject({ title: "Caprese", missing: ["mozzarella", "black pepper"] });
    expect(results[1]).toMatchObject({ title: "Tomato basil salad", missing: ["olive oil", "salt"] });
  });

  it("matches whatever the case, plural or quantity in the recipe's lines", async () => {
    const { results } = await searchRecipes(db, { ingredients: ["garlic"] });
    expect(results.map((result) => result.title).sort()).toEqual(["Garlic bread", "Tomato soup"]);
  });

  it("finds nothing for an ingredient no recipe uses, and lists the newest without terms", async () => {
    expect((await searchRecipes(db, { ingredients: ["durian"] })).results).toEqual([]);
    const newest = await searchRecipes(db, { ingredients: [] });
    expect(newest.results[0]!.title).toBe("Plain rice");
    expect(newest.total).toBeGreaterThanOrEqual(5);
  });
});

describe("owning recipes", () => {
  it("lets the author create, update and delete; refuses anyone else and changes nothing", async () => {
    const db = await getDb();
    const owner = await makeUser(db, "Owner");
    const intruder = await makeUser(db, "Intruder");
    const id = await createRecipe(db, owner.id, recipe("Lentil stew", ["200 g red lentils", "1 onion"]));

    const stored = await getRecipe(db, id);
    expect(stored).toMatchObject({ title: "Lentil stew", authorName: "Owner", ingredientNames: ["red lentil", "onion"], version: 1 });
    expect((await listOwnRecipes(db, owner.id)).map((row) => row.title)).toEqual(["Lentil stew"]);
    expect(await listOwnRecipes(db, intruder.id)).toEqual([]);

    expect(await updateRecipe(db, intruder.id, id, 1, recipe("Hacked", ["1 lemon"]))).toEqual({ status: "not-found" });
    expect(await deleteRecipe(db, intruder.id, id)).toBe(false);
    expect(await getOwnRecipe(db, intruder.id, id)).toBeNull();
    expect((await getRecipe(db, id))!.title).toBe("Lentil stew");

    expect(await updateRecipe(db, owner.id, id, 1, recipe("Lentil and carrot stew", ["200 g red lentils", "2 carrots"]))).toEqual({
      status: "updated",
    });
    expect(await getRecipe(db, id)).toMatchObject({
      title: "Lentil and carrot stew",
      ingredientNames: ["red lentil", "carrot"],
      version: 2,
    });

    expect(await deleteRecipe(db, owner.id, id)).toBe(true);
    expect(await getRecipe(db, id)).toBeNull();
  });

  it("does not let a stale edit overwrite a newer one", async () => {
    const db = await getDb();
    const owner = await makeUser(db, "Editor");
    const id = await createRecipe(db, owner.id, recipe("Pancakes", ["2 eggs"]));
    expect(await updateRecipe(db, owner.id, id, 1, recipe("Pancakes v2", ["2 eggs", "milk"]))).toEqual({ status: "updated" });
    const stale = await updateRecipe(db, owner.id, id, 1, recipe("Pancakes from an old tab", ["flour"]));
    expect(stale).toMatchObject({ status: "conflict", current: { title: "Pancakes v2", version: 2 } });
    expect((await getRecipe(db, id))!.title).toBe("Pancakes v2");
  });

  it("nobody can edit or delete the catalogue's recipes", async () => {
    const db = await getDb();
    const user = await makeUser(db, "Visitor");
    const id = await createRecipe(db, null, recipe("House bread", ["500 g flour"]));
    expect(await updateRecipe(db, user.id, id, 1, recipe("Mine now", ["salt"]))).toEqual({ status: "not-found" });
    expect(await deleteRecipe(db, user.id, id)).toBe(false);
    const [row] = await db.select().from(recipes).where(eq(recipes.id, id));
    expect(row!.title).toBe("House bread");
  });
});
