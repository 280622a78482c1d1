import { dictionaryIngredients, isStapleIngredient, resolveIngredient } from "@/core/ingredients/dictionary";

/**
 * Treated like Spoonacular's `ignorePantry`: nearly every kitchen has them, so they do not decide
 * which recipes match. The dictionary's staple entries (salt and its kinds, black pepper, water,
 * the everyday oils, white sugar, plain flour); brown sugar or sesame oil are not staples.
 */
export const PANTRY_STAPLES: ReadonlySet<string> = new Set(
  [...dictionaryIngredients()].filter((entry) => entry.staple).map((entry) => entry.name),
);

/** A canonical name, or any written form ("Olive Oil, for frying"), resolved first. */
export function isPantryStaple(name: string): boolean {
  if (typeof name !== "string") return false;
  return isStapleIngredient(name) || isStapleIngredient(resolveIngredient(name));
}
