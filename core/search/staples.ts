import { normalizeIngredientName } from "@/core/ingredients/normalise";

/**
 * Names treated like Spoonacular's `ignorePantry`: nearly every kitchen has them, so they do not
 * decide which recipes match. Also other names of the same staples (rapeseed oil, plain flour),
 * "salt and pepper", and what the normaliser makes of very common lines ("ground black pepper").
 */
export const PANTRY_STAPLES: ReadonlySet<string> = new Set([
  "salt",
  "sea salt",
  "kosher salt",
  "table salt",
  "black pepper",
  "ground black pepper",
  "pepper",
  "salt and pepper",
  "water",
  "boiling water",
  "cold water",
  "warm water",
  "hot water",
  "ice",
  "ice cube",
  "oil",
  "cooking oil",
  "vegetable oil",
  "olive oil",
  "sunflower oil",
  "canola oil",
  "rapeseed oil",
  "cooking spray",
  "sugar",
  "white sugar",
  "granulated sugar",
  "flour",
  "all-purpose flour",
  "plain flour",
]);

/** A raw name is normalised first. */
export function isPantryStaple(normalisedName: string): boolean {
  if (typeof normalisedName !== "string") return false;
  return PANTRY_STAPLES.has(normalisedName) || PANTRY_STAPLES.has(normalizeIngredientName(normalisedName));
}
