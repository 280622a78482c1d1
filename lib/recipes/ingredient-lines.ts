import type { RecipeIngredient } from "@/db/schema";
import { normalizeIngredientName, parseIngredientLine } from "./ingredients";

/** Parses each ingredient line and collects the distinct normalised names search uses. */
export function toIngredientRecords(lines: readonly string[]): { ingredients: RecipeIngredient[]; ingredientNames: string[] } {
  const ingredients = lines.map((line) => {
    const parsed = parseIngredientLine(line);
    return { ...parsed, name: normalizeIngredientName(parsed.name) };
  });
  const ingredientNames = [...new Set(ingredients.map((ingredient) => ingredient.name).filter(Boolean))];
  return { ingredients, ingredientNames };
}
