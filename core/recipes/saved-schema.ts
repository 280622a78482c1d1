import * as z from "zod/mini";

/** A Save or Unsave button's hidden fields; `returnTo` is checked again by the action (a same-site path to this recipe). */
export const savedToggleSchema = z.object({
  recipeId: z.string().check(z.regex(/^[1-9]\d{0,9}$/, "That is not a recipe.")),
  intent: z.enum(["save", "unsave"], "Choose Save or Unsave."),
  returnTo: z.optional(z.string().check(z.maxLength(2048))),
});
