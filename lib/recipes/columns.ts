import { toIngredientRecords } from "./ingredient-lines";
import type { RecipeInput } from "./schemas";

/**
 * The recipes columns of a validated recipe, ingredient records included: what createRecipe,
 * updateRecipe, the catalogue seed and the Flask importer write. No "server-only" marker: the
 * seed and the importer run under tsx.
 */
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
