import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/infra/db";
import { recipes, users, type Recipe, type RecipePhoto } from "@/infra/db/schema";
import type { ProcessedPhoto } from "../photos/process";
import { photoKeys, photoStore } from "../photos/store";
import { recipeColumns } from "./records";
import { addPostings, removePostings } from "../search/postings";
import type { RecipeInput } from "./schemas";

// Every write names the acting user and touches only that user's rows: authorization lives here,
// whatever the UI or middleware did before.

const MAX_ID = 2_147_483_647;

/** A recipe id from a URL or a form, or null when it cannot be one. */
export function parseRecipeId(value: unknown): number | null {
  if (typeof value !== "string" || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= MAX_ID ? id : null;
}

export type RecipeWithAuthor = Recipe & { authorName: string | null };

export async function getRecipe(db: Db, id: number): Promise<RecipeWithAuthor | null> {
  const [row] = await db
    .select({ recipe: recipes, authorName: users.name })
    .from(recipes)
    .leftJoin(users, eq(users.id, recipes.authorId))
    .where(eq(recipes.id, id));
  return row ? { ...row.recipe, authorName: row.authorName } : null;
}

/** The recipe if `userId` wrote it; someone else's recipe and the catalogue's are null alike. */
export async function getOwnRecipe(db: Db, userId: string, id: number): Promise<Recipe | null> {
  const [row] = await db
    .select()
    .from(recipes)
    .where(and(eq(recipes.id, id), eq(recipes.authorId, userId)));
  return row ?? null;
}

export type DashboardRow = {
  id: number;
  title: string;
  ingredientCount: number;
  photo: RecipePhoto | null;
  createdAt: Date;
  updatedAt: Date;
};

export async function listOwnRecipes(db: Db, userId: string): Promise<DashboardRow[]> {
  return db
    .select({
      id: recipes.id,
      title: recipes.title,
      ingredientCount: sql<number>`jsonb_array_length(${recipes.ingredients})::int`,
      photo: recipes.photo,
      createdAt: recipes.createdAt,
      updatedAt: recipes.updatedAt,
    })
    .from(recipes)
    .where(eq(recipes.authorId, userId))
    .orderBy(desc(recipes.updatedAt), desc(recipes.id));
}

/** What an edit does to the recipe's photo. */
export type PhotoChange = { kind: "keep" } | { kind: "remove" } | { kind: "replace"; processed: ProcessedPhoto };

/** The one way to add a recipe (forms, seeding, importers): the row, its postings and its photo's objects in one transaction. */
export async function createRecipe(
  db: Db,
  authorId: string | null,
  input: RecipeInput,
  processed?: ProcessedPhoto | null,
): Promise<number> {
  const columns = recipeColumns(input);
  return db.transaction(async (tx) => {
    if (processed) await photoStore.put(tx, processed.objects);
    const [row] = await tx
      .insert(recipes)
      .values({ authorId, ...columns, photo: processed?.photo ?? null })
      .returning({ id: recipes.id });
    await addPostings(tx, [{ recipeId: row!.id, names: columns.ingredientNames }]);
    return row!.id;
  });
}

export type UpdateResult = { status: "updated" } | { status: "not-found" } | { status: "conflict"; current: Recipe };

/**
 * Saves an edit made from `version`; if someone saved since, nothing is overwritten ("conflict", with the newer version).
 * Someone else's recipe is "not-found". A replaced or removed photo's objects go in the same transaction.
 */
export async function updateRecipe(
  db: Db,
  userId: string,
  id: number,
  version: number,
  input: RecipeInput,
  photoChange: PhotoChange = { kind: "keep" },
): Promise<UpdateResult> {
  const columns = recipeColumns(input);
  const updated = await db.transaction(async (tx) => {
    const [own] = await tx
      .select({ photo: recipes.photo })
      .from(recipes)
      .where(and(eq(recipes.id, id), eq(recipes.authorId, userId), eq(recipes.version, version)))
      .for("update");
    if (!own) return false;
    const photo = photoChange.kind === "keep" ? {} : { photo: photoChange.kind === "replace" ? photoChange.processed.photo : null };
    if (photoChange.kind !== "keep") await photoStore.delete(tx, photoKeys(own.photo));
    if (photoChange.kind === "replace") await photoStore.put(tx, photoChange.processed.objects);
    await tx
      .update(recipes)
      .set({ ...columns, ...photo, version: sql`${recipes.version} + 1`, updatedAt: new Date() })
      .where(eq(recipes.id, id));
    // The row is locked (for update) until commit, so no other edit interleaves here.
    await removePostings(tx, id);
    await addPostings(tx, [{ recipeId: id, names: columns.ingredientNames }]);
    return true;
  });
  if (updated) return { status: "updated" };
  const current = await getOwnRecipe(db, userId, id);
  return current ? { status: "conflict", current } : { status: "not-found" };
}

/** Deletes the recipe if `userId` wrote it; returns whether it did. */
export async function deleteRecipe(db: Db, userId: string, id: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [own] = await tx
      .select({ id: recipes.id, photo: recipes.photo })
      .from(recipes)
      .where(and(eq(recipes.id, id), eq(recipes.authorId, userId)))
      .for("update");
    if (!own) return false;
    // Before the delete, whose cascade would take the postings without lowering the counts.
    await removePostings(tx, id);
    await photoStore.delete(tx, photoKeys(own.photo));
    await tx.delete(recipes).where(eq(recipes.id, id));
    return true;
  });
}
