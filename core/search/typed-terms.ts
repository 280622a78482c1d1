import { covers, dietBit, resolveIngredient, type DietFact } from "@/core/ingredients/dictionary";
import type { Diet } from "./diets";

/**
 * What was typed, as canonical ingredients: each term resolved like a recipe line ("Prawns",
 * "shrimp" → prawn), without duplicates, and without a term another typed term already covers
 * ("chicken thigh" beside "chicken"), so no ingredient is counted twice.
 */
export function resolveTypedTerms(terms: readonly string[]): string[] {
  const resolved = [...new Set(terms.map((term) => resolveIngredient(term)).filter(Boolean))];
  return resolved.filter((name) => !resolved.some((other) => other !== name && covers(other, name)));
}

/** The diet facts each diet rules out (the dictionary gives every ingredient its facts and its kinds'). */
const EXCLUDED_FACTS: Record<Diet, readonly DietFact[]> = {
  vegetarian: ["meat", "fish", "shellfish"],
  vegan: ["meat", "fish", "shellfish", "dairy", "egg", "honey"],
  "gluten-free": ["gluten"],
  "dairy-free": ["dairy"],
};

/** One bit per diet fact that any of the diets rules out. */
export function dietMask(diets: readonly Diet[]): number {
  return diets.flatMap((diet) => EXCLUDED_FACTS[diet]).reduce((mask, fact) => mask | dietBit(fact), 0);
}
