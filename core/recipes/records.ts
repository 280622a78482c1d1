import type { RecipeIngredient } from "@/infra/db/schema";
import { dietFlagsOf, resolveIngredient } from "@/core/ingredients/dictionary";
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
    ...toIngredientRecords(input.ingredients),
  };
}

/** Parses each ingredient line, resolves it to its dictionary ingredient (or keeps its normalised name), and collects the distinct names search uses. */
export function toIngredientRecords(lines: readonly string[]): {
  ingredients: RecipeIngredient[];
  ingredientNames: string[];
  dietFlags: number;
} {
  const ingredients = lines.map((line) => {
    const parsed = parseIngredientLine(line);
    return { ...parsed, name: resolveIngredient(parsed.name) };
  });
  const ingredientNames = [...new Set(ingredients.map((ingredient) => ingredient.name).filter(Boolean))];
  const dietFlags = ingredientNames.reduce((flags, name) => flags | dietFlagsOf(name), 0);
  return { ingredients, ingredientNames, dietFlags };
}
