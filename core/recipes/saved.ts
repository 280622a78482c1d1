import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/infra/db";
import { recipes, savedRecipes, users, type RecipePhoto } from "@/infra/db/schema";

// Every query names the acting user and touches only that user's saved list: whatever a post
// names, it can only ever change the poster's own.

/** The "Saved" page shows this many per page. */
export const SAVED_PAGE_SIZE = 24;

/** Saves the recipe for the user; saving it again changes nothing. False when the recipe (or the account) no longer exists. */
export async function saveRecipe(db: Db, userId: string, recipeId: number): Promise<boolean> {
  // One statement: a recipe or account deleted meanwhile inserts nothing instead of failing on its foreign key.
  await db.execute(sql`
    INSERT INTO ${savedRecipes} (user_id, recipe_id)
    SELECT ${users.id}, ${recipes.id} FROM ${users}, ${recipes} WHERE ${users.id} = ${userId} AND ${recipes.id} = ${recipeId}
    ON CONFLICT DO NOTHING`);
  return isSaved(db, userId, recipeId);
}

/** Takes the recipe off the user's list; true when it was there. */
export async function unsaveRecipe(db: Db, userId: string, recipeId: number): Promise<boolean> {
  const removed = await db
    .delete(savedRecipes)
    .where(and(eq(savedRecipes.userId, userId), eq(savedRecipes.recipeId, recipeId)))
    .returning({ recipeId: savedRecipes.recipeId });
  return removed.length > 0;
}

export async function isSaved(db: Db, userId: string, recipeId: number): Promise<boolean> {
  const [row] = await db
    .select({ recipeId: savedRecipes.recipeId })
    .from(savedRecipes)
    .where(and(eq(savedRecipes.userId, userId), eq(savedRecipes.recipeId, recipeId)));
  return row !== undefined;
}

export type SavedRecipe = { id: number; title: string; summary: string; photo: RecipePhoto | null; totalMinutes: number; savedAt: Date };

export type SavedPage = { recipes: SavedRecipe[]; total: number; page: number; pageCount: number };

/** The user's saved recipes, most recently saved first, one page at a time (a page past the last is the last). */
export async function listSavedRecipes(db: Db, userId: string, page = 1): Promise<SavedPage> {
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(savedRecipes).where(eq(savedRecipes.userId, userId));
  const pageCount = Math.max(1, Math.ceil(total / SAVED_PAGE_SIZE));
  const current = Number.isInteger(page) ? Math.min(Math.max(1, page), pageCount) : 1;
  const found = await db
    .select({
      id: recipes.id,
      title: recipes.title,
      summary: recipes.summary,
      photo: recipes.photo,
      totalMinutes: sql<number>`(${recipes.prepMinutes} + ${recipes.cookMinutes})::int`,
      savedAt: savedRecipes.createdAt,
    })
    .from(savedRecipes)
    .innerJoin(recipes, eq(recipes.id, savedRecipes.recipeId))
    .where(eq(savedRecipes.userId, userId))
    .orderBy(desc(savedRecipes.createdAt), desc(savedRecipes.recipeId))
    .limit(SAVED_PAGE_SIZE)
    .offset((current - 1) * SAVED_PAGE_SIZE);
  return { recipes: found.map((row) => ({ ...row, totalMinutes: Number(row.totalMinutes) })), total, page: current, pageCount };
}
