import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, type Db } from "@/infra/db";
import { savedRecipes } from "@/infra/db/schema";
import { deleteAccount } from "@/core/accounts/delete-account";
import { createRecipe, deleteRecipe } from "@/core/recipes/queries";
import { recipeFormSchema } from "@/core/recipes/schemas";
import { isSaved, listSavedRecipes, SAVED_PAGE_SIZE, saveRecipe, unsaveRecipe } from "@/core/recipes/saved";
import { activationTokenFor } from "@/tests/support/outbox";
import { PASSWORD, confirm, register, uniqueEmail } from "@/tests/support/accounts";

async function activeAccount(prefix = "saver") {
  const email = uniqueEmail(prefix);
  await register(email, "Saver");
  const user = await confirm(activationTokenFor(email));
  return { id: user!.id, email };
}

const newRecipe = (db: Db, authorId: string | null, title: string) =>
  createRecipe(
    db,
    authorId,
    recipeFormSchema.parse({
      title,
      summary: `About ${title}`,
      ingredients: "2 leeks\n1 potato",
      steps: "Cook it.",
      servings: "2",
      prepMinutes: "5",
      cookMinutes: "10",
      imageUrl: "",
    }),
  );

const rowsOf = async (db: Db, userId: string) => db.select().from(savedRecipes).where(eq(savedRecipes.userId, userId));

describe("saved recipes", () => {
  it("saves once however often it is saved, and unsaves", async () => {
    const db = await getDb();
    const cook = await activeAccount();
    const id = await newRecipe(db, null, "Leek soup");
    expect(await isSaved(db, cook.id, id)).toBe(false);
    expect(await saveRecipe(db, cook.id, id)).toBe(true);
    expect(await saveRecipe(db, cook.id, id)).toBe(true);
    expect(await rowsOf(db, cook.id)).toHaveLength(1);
    expect(await isSaved(db, cook.id, id)).toBe(true);
    const list = await listSavedRecipes(db, cook.id);
    expect(list).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(list.recipes).toEqual([
      { id, title: "Leek soup", summary: "About Leek soup", photo: null, totalMinutes: 15, savedAt: expect.any(Date) },
    ]);

    expect(await unsaveRecipe(db, cook.id, id)).toBe(true);
    expect(await unsaveRecipe(db, cook.id, id)).toBe(false);
    expect(await isSaved(db, cook.id, id)).toBe(false);
    expect((await listSavedRecipes(db, cook.id)).recipes).toEqual([]);
  });

  it("keeps each person's list apart", async () => {
    const db = await getDb();
    const [ada, bob] = [await activeAccount("ada"), await activeAccount("bob")];
    const soup = await newRecipe(db, null, "Ada's soup");
    const stew = await newRecipe(db, null, "Bob's stew");
    await saveRecipe(db, ada.id, soup);
    await saveRecipe(db, bob.id, stew);
    expect((await listSavedRecipes(db, ada.id)).recipes.map((recipe) => recipe.id)).toEqual([soup]);
    expect((await listSavedRecipes(db, bob.id)).recipes.map((recipe) => recipe.id)).toEqual([stew]);
    // Bob's unsave of Ada's recipe touches only his own list.
    expect(await unsaveRecipe(db, bob.id, soup)).toBe(false);
    expect(await isSaved(db, ada.id, soup)).toBe(true);
  });

  it("saves nothing for a recipe that does not exist, and lists the most recently saved first, a page at a time", async () => {
    const db = await getDb();
    const cook = await activeAccount();
    expect(await saveRecipe(db, cook.id, 2_000_000_000)).toBe(false);
    expect(await rowsOf(db, cook.id)).toEqual([]);

    const ids: number[] = [];
    for (let index = 0; index < SAVED_PAGE_SIZE + 2; index++) {
      const id = await newRecipe(db, null, `Paged ${index}`);
      ids.push(id);
      await saveRecipe(db, cook.id, id);
    }
    const first = await listSavedRecipes(db, cook.id);
    expect(first).toMatchObject({ total: SAVED_PAGE_SIZE + 2, page: 1, pageCount: 2 });
    expect(first.recipes).toHaveLength(SAVED_PAGE_SIZE);
    expect(first.recipes[0]!.id).toBe(ids.at(-1));
    const second = await listSavedRecipes(db, cook.id, 2);
    expect(second.recipes.map((recipe) => recipe.id)).toEqual([ids[1], ids[0]]);
    expect((await listSavedRecipes(db, cook.id, 99)).page).toBe(2);
  });

  it("goes when the recipe is deleted", async () => {
    const db = await getDb();
    const [author, fan] = [await activeAccount("author"), await activeAccount("fan")];
    const id = await newRecipe(db, author.id, "Short-lived pie");
    await saveRecipe(db, fan.id, id);
    expect(await deleteRecipe(db, author.id, id)).toBe(true);
    expect(await db.select().from(savedRecipes).where(eq(savedRecipes.recipeId, id))).toEqual([]);
    expect((await listSavedRecipes(db, fan.id)).total).toBe(0);
  });

  it("goes with the account that saved it, and with the account that wrote the recipe", async () => {
    const db = await getDb();
    const [leaving, staying] = [await activeAccount("leaving"), await activeAccount("staying")];
    const catalogue = await newRecipe(db, null, "Catalogue hash");
    const own = await newRecipe(db, leaving.id, "Leaving tart");
    await saveRecipe(db, leaving.id, catalogue);
    await saveRecipe(db, staying.id, catalogue);
    await saveRecipe(db, staying.id, own);

    expect(await deleteAccount(db, leaving, PASSWORD)).toEqual({ status: "deleted" });
    expect(await rowsOf(db, leaving.id)).toEqual([]);
    expect((await listSavedRecipes(db, staying.id)).recipes.map((recipe) => recipe.id)).toEqual([catalogue]);
    expect(
      await db
        .select()
        .from(savedRecipes)
        .where(and(eq(savedRecipes.userId, staying.id), eq(savedRecipes.recipeId, own))),
    ).toEqual([]);
  });
});
