import * as z from "zod/mini";
import { cleanString } from "@/core/text";

// Shared by the browser (react-hook-form's resolver) and the server actions, so both say the same
// thing about the same text. No dictionary here: it is server-side (it hashes its data with node:crypto).

/** The whole add box; a long paste is refused rather than cut. */
export const MAX_PANTRY_INPUT_LENGTH = 1_000;

/** One ingredient of the list; longer is a sentence, not a name. */
export const MAX_PANTRY_TERM_LENGTH = 100;

/** The search box's separators (core/ingredients/query.ts): commas, semicolons and new lines, Arabic and CJK commas among them. */
const SEPARATORS = /[,;\n\r\u2028\u2029\u060C\u061B\u3001]+/;

/** "chicken thighs, arugula;Prawns" → ["chicken thighs", "arugula", "Prawns"]: trimmed, without empties. */
export function splitIngredientList(text: string): string[] {
  return text
    .normalize("NFKC")
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter(Boolean);
}

const ENTER_INGREDIENTS = "Type one or more ingredients, separated by commas.";

export const pantryAddSchema = z.object({
  ingredients: z.pipe(
    cleanString(ENTER_INGREDIENTS),
    z.string().check(
      z.maxLength(MAX_PANTRY_INPUT_LENGTH, `Use at most ${MAX_PANTRY_INPUT_LENGTH.toLocaleString("en-GB")} characters.`),
      z.refine((value) => splitIngredientList(value).length > 0, ENTER_INGREDIENTS),
      z.refine(
        (value) => splitIngredientList(value).every((part) => part.length <= MAX_PANTRY_TERM_LENGTH),
        `Keep each ingredient under ${MAX_PANTRY_TERM_LENGTH} characters, and separate them with commas.`,
      ),
    ),
  ),
});

export type PantryAddInput = z.output<typeof pantryAddSchema>;

/** The hidden field of a Remove button; anything else posted is refused before the database. */
export const pantryRemoveSchema = z.object({
  name: z.pipe(
    cleanString("Choose an ingredient to remove."),
    z
      .string()
      .check(z.minLength(1, "Choose an ingredient to remove."), z.maxLength(MAX_PANTRY_TERM_LENGTH * 2, "That is not in your pantry.")),
  ),
});
