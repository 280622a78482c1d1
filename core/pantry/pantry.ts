import "server-only";
import { and, eq } from "drizzle-orm";
import { AISLES, ingredientNamed, lineageOf, resolveIngredient, type Aisle } from "@/core/ingredients/dictionary";
import type { Db } from "@/infra/db";
import { pantryItems, users } from "@/infra/db/schema";
import { splitIngredientList } from "./schemas";

// Every query names the acting user and touches only that user's rows: authorization lives here,
// so a forged post can only ever reach the poster's own pantry.

/** Enough for a well-stocked kitchen; a bound on what one account stores and on the pantry page. */
export const MAX_PANTRY_ITEMS = 300;

export type PantryAisle = Aisle | "other";
export type PantryItem = { name: string; aisle: PantryAisle };

const aisleOrder = (aisle: PantryAisle) => (aisle === "other" ? AISLES.length : AISLES.indexOf(aisle));

/** The user's items, by aisle (in the shop's order, unknown food last) then by name. */
export async function listPantry(db: Db, userId: string): Promise<PantryItem[]> {
  const rows = await db.select({ name: pantryItems.name }).from(pantryItems).where(eq(pantryItems.userId, userId));
  return rows
    .map(({ name }): PantryItem => ({ name, aisle: ingredientNamed(name)?.aisle ?? "other" }))
    .sort((a, b) => aisleOrder(a.aisle) - aisleOrder(b.aisle) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Just the names, for a search link or a recipe's coverage. */
export async function pantryNames(db: Db, userId: string): Promise<string[]> {
  return (await listPantry(db, userId)).map((item) => item.name);
}

/** The distinct canonical names of a typed list ("Prawns, shrimp" → ["prawn"]); what names nothing ("2") is dropped. */
export function resolvePantryList(text: string): string[] {
  return [...new Set(splitIngredientList(text).map(resolveIngredient).filter(Boolean))];
}

export type AddResult =
  { status: "added"; added: string[]; already: string[] } | { status: "nothing" } | { status: "full"; count: number; max: number };

/**
 * Adds the canonical names of a typed list. All or nothing: when the new names would take the
 * pantry past MAX_PANTRY_ITEMS, nothing is added ("full").
 */
export async function addToPantry(db: Db, userId: string, text: string): Promise<AddResult> {
  const names = resolvePantryList(text);
  if (names.length === 0) return { status: "nothing" };
  return db.transaction(async (tx) => {
    // The user's row is the lock: two adds at once from one account cannot both pass the cap.
    const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    // An account deleted since the session was checked has no pantry to add to.
    if (!owner) return { status: "added", added: [], already: [] };
    const existing = new Set(
      (await tx.select({ name: pantryItems.name }).from(pantryItems).where(eq(pantryItems.userId, userId))).map((row) => row.name),
    );
    const fresh = names.filter((name) => !existing.has(name));
    const already = names.filter((name) => existing.has(name));
    if (existing.size + fresh.length > MAX_PANTRY_ITEMS) return { status: "full", count: existing.size, max: MAX_PANTRY_ITEMS };
    if (fresh.length > 0) {
      await tx
        .insert(pantryItems)
        .values(fresh.map((name) => ({ userId, name })))
        .onConflictDoNothing();
    }
    return { status: "added", added: fresh, already };
  });
}

/** Whether the name was in the user's pantry (and now is not). */
export async function removeFromPantry(db: Db, userId: string, name: string): Promise<boolean> {
  const removed = await db
    .delete(pantryItems)
    .where(and(eq(pantryItems.userId, userId), eq(pantryItems.name, name)))
    .returning({ name: pantryItems.name });
  return removed.length > 0;
}

/**
 * The recipe's names that the pantry covers: the name itself or one of its kinds is in the pantry
 * ("chicken" covers "chicken thigh"; "chicken thigh" does not cover "chicken"), as `covers` says.
 * A recipe name stored before the dictionary (normalised, not canonical: "shrimp") is resolved
 * first; a canonical name resolves to itself.
 */
export function pantryCoverage(pantry: Iterable<string>, recipeNames: Iterable<string>): Set<string> {
  const have = new Set(pantry);
  const covered = new Set<string>();
  if (have.size === 0) return covered;
  for (const name of recipeNames) {
    if (name === "" || covered.has(name)) continue;
    const canonical = resolveIngredient(name) || name;
    if (lineageOf(canonical).some((kind) => have.has(kind))) covered.add(name);
  }
  return covered;
}
