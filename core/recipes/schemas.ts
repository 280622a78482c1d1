import * as z from "zod/mini";
import { cleanString, stripControlCharacters } from "@/core/text";
import type { Recipe } from "@/infra/db/schema";

// Ingredient lines and steps travel as one text, a line each, so the form works without
// JavaScript. zod/mini: see core/accounts/schemas.ts.

const lines = (what: string, { min, max, maxLength }: { min: number; max: number; maxLength: number }) =>
  z.pipe(
    z.pipe(
      z.string({ error: `Add at least ${min} ${what}.` }).check(z.maxLength(max * (maxLength + 2), `Use at most ${max} ${what}s.`)),
      z.transform((value: string) =>
        stripControlCharacters(value)
          .split(/\r?\n/)
          .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim())
          .filter(Boolean),
      ),
    ),
    z
      .array(z.string().check(z.maxLength(maxLength, `Keep each ${what} under ${maxLength} characters.`)))
      .check(z.minLength(min, `Add at least ${min} ${what}.`), z.maxLength(max, `Use at most ${max} ${what}s.`)),
  );

const wholeNumber = (label: string, min: number, max: number, fallback?: number) => {
  const range = `Enter the ${label} as a whole number from ${min} to ${max}.`;
  return z.pipe(
    z.pipe(
      z.pipe(
        z.pipe(
          z.string({ error: `Enter the ${label}.` }).check(z.trim()),
          z.transform((value: string) => (value === "" && fallback !== undefined ? String(fallback) : value)),
        ),
        z.string().check(z.regex(/^\d{1,5}$/, range)),
      ),
      z.transform((value: string) => Number(value)),
    ),
    z.number().check(z.gte(min, range), z.lte(max, range)),
  );
};

export const recipeFormSchema = z.object({
  title: z.pipe(
    cleanString("Give the recipe a title."),
    z.string().check(z.minLength(1, "Give the recipe a title."), z.maxLength(120, "Keep the title under 120 characters.")),
  ),
  summary: z.pipe(cleanString(""), z.string().check(z.maxLength(500, "Keep the summary under 500 characters."))),
  ingredients: lines("ingredient", { min: 1, max: 60, maxLength: 200 }),
  steps: lines("step", { min: 1, max: 40, maxLength: 2000 }),
  servings: wholeNumber("servings", 1, 100),
  prepMinutes: wholeNumber("preparation time", 0, 1440, 0),
  cookMinutes: wholeNumber("cooking time", 0, 1440, 0),
});

export type RecipeInput = z.output<typeof recipeFormSchema>;

/** What the server needs besides the form: the version the editor started from. */
export const recipeVersionSchema = z.object({
  version: z.pipe(
    z.string().check(z.regex(/^\d{1,9}$/, "This form is out of date: reload the page.")),
    z.transform((value: string) => Number(value)),
  ),
});

export const recipeUpdateSchema = z.intersection(recipeFormSchema, recipeVersionSchema);

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
    version: String(recipe.version),
  };
}
