import { z } from "zod";
import { cleanString, stripControlCharacters } from "@/lib/forms/text";

/**
 * The recipe form, shared by the browser (react-hook-form) and the server actions. Ingredient
 * lines and steps travel as one text, a line each, so the form works without JavaScript too.
 */

const lines = (what: string, { min, max, maxLength }: { min: number; max: number; maxLength: number }) =>
  z
    .string({ error: `Add at least ${min} ${what}.` })
    .max(max * (maxLength + 2), `Use at most ${max} ${what}s.`)
    .transform((value) =>
      stripControlCharacters(value)
        .split(/\r?\n/)
        .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(maxLength, `Keep each ${what} under ${maxLength} characters.`))
        .min(min, `Add at least ${min} ${what}.`)
        .max(max, `Use at most ${max} ${what}s.`),
    );

const wholeNumber = (label: string, min: number, max: number, fallback?: number) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .transform((value) => (value === "" && fallback !== undefined ? String(fallback) : value))
    .pipe(z.string().regex(/^\d{1,5}$/, `Enter the ${label} as a whole number from ${min} to ${max}.`))
    .transform(Number)
    .pipe(z.number().min(min, `Enter the ${label} as a whole number from ${min} to ${max}.`).max(max, `Enter the ${label} as a whole number from ${min} to ${max}.`));

export const recipeFormSchema = z.object({
  title: cleanString("Give the recipe a title.").pipe(z.string().min(1, "Give the recipe a title.").max(120, "Keep the title under 120 characters.")),
  summary: cleanString("").pipe(z.string().max(500, "Keep the summary under 500 characters.")),
  ingredients: lines("ingredient", { min: 1, max: 60, maxLength: 200 }),
  steps: lines("step", { min: 1, max: 40, maxLength: 2000 }),
  servings: wholeNumber("servings", 1, 100),
  prepMinutes: wholeNumber("preparation time", 0, 1440, 0),
  cookMinutes: wholeNumber("cooking time", 0, 1440, 0),
  imageUrl: z
    .string()
    .trim()
    .max(2000, "Keep the address under 2,000 characters.")
    .pipe(z.union([z.literal(""), z.url({ protocol: /^https$/, message: "Use an https:// address of an image, or leave it empty." })]))
    .transform((value) => value || null),
});

export type RecipeInput = z.output<typeof recipeFormSchema>;

/** What the server needs besides the form: the version the editor started from. */
export const recipeVersionSchema = z.object({
  version: z.string().regex(/^\d{1,9}$/, "This form is out of date: reload the page.").transform(Number),
});
