import type { Recipe } from "@/db/schema";

/** A stored recipe as the strings of its edit form. */
export function recipeFormValues(recipe: Recipe): Record<string, string> {
  return {
    title: recipe.title,
    summary: recipe.summary,
    ingredients: recipe.ingredients.map((ingredient) => ingredient.line).join("\n"),
    steps: recipe.steps.join("\n"),
    servings: String(recipe.servings),
    prepMinutes: String(recipe.prepMinutes),
    cookMinutes: String(recipe.cookMinutes),
    imageUrl: recipe.imageUrl ?? "",
    version: String(recipe.version),
  };
}
