import { normalizeIngredientName } from "@/core/ingredients/normalise";

/**
 * Normalised names treated like Spoonacular's `ignorePantry`: nearly every
 * kitchen has them, so they should not decide which recipes match.
 * Beyond the obvious: table salt, canola/rapeseed oil, granulated/white sugar
 * and plain flour (British all-purpose) are the same staples under other
 * names; "salt and pepper" is how recipes very often write the pair;
 * "ground black pepper" and the water variants are what our own
 * normalisation yields for very common lines; cooking spray replaces oil.
 */
export const PANTRY_STAPLES: ReadonlySet<string> = new Set([
  "salt", "sea salt", "kosher salt", "table salt",
  "black pepper", "ground black pepper", "pepper", "salt and pepper",
  "water", "boiling water", "cold water", "warm water", "hot water", "ice", "ice cube",
  "oil", "cooking oil", "vegetable oil", "olive oil", "sunflower oil", "canola oil", "rapeseed oil",
  "cooking spray",
  "sugar", "white sugar", "granulated sugar",
  "flour", "all-purpose flour", "plain flour",
]);

/** True for a pantry staple. Accepts a normalised name; a raw name is normalised first. */
export function isPantryStaple(normalisedName: string): boolean {
  if (typeof normalisedName !== "string") return false;
  return PANTRY_STAPLES.has(normalisedName) || PANTRY_STAPLES.has(normalizeIngredientName(normalisedName));
}
