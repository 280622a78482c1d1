import type { RecipeIngredient } from "@/infra/db/schema";
import { normalizeIngredientName } from "@/core/ingredients/normalise";
import { parseIngredientLine } from "@/core/ingredients/parse-line";
import type { RecipeInput } from "./schemas";

/** The recipes columns of a validated recipe, for every writer. No "server-only": the seed and the importer run under tsx. */
export function recipeColumns(input: RecipeInput) {
  return {
    title: input.title,
    summary: input.summary,
    steps: input.steps,
    servings: input.servings,
    prepMinutes: input.prepMinutes,
    cookMinutes: input.cookMinutes,
    imageUrl: input.imageUrl,
    ...toIngredientRecords(input.ingredients),
  };
}

/** Parses each ingredient line and collects the distinct normalised names search uses. */
export function toIngredientRecords(lines: readonly string[]): { ingredients: RecipeIngredient[]; ingredientNames: string[] } {
  const ingredients = lines.map((line) => {
    const parsed = parseIngredientLine(line);
    return { ...parsed, name: normalizeIngredientName(parsed.name) };
  });
  const ingredientNames = [...new Set(ingredients.map((ingredient) => ingredient.name).filter(Boolean))];
  return { ingredients, ingredientNames };
}
