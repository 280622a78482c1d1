"use server";

import { redirect } from "next/navigation";
import { parseRecipeId } from "@/core/recipes/queries";
import { saveRecipe, unsaveRecipe } from "@/core/recipes/saved";
import { savedToggleSchema } from "@/core/recipes/saved-schema";
import type { FormState } from "@/web/forms/form-state";
import { userAction } from "@/web/forms/validated-action";
import { safeCallbackPath } from "@/web/safe-redirect";

/** Back to the recipe as it was shown (its search and servings kept): only a same-site path to that recipe, else its plain page. */
function recipeReturn(formData: FormData): string {
  const id = parseRecipeId(formData.get("recipeId"));
  if (!id) return "/saved";
  const path = safeCallbackPath(formData.get("returnTo"));
  return path === `/recipes/${id}` || path.startsWith(`/recipes/${id}?`) ? path : `/recipes/${id}`;
}

/**
 * Save and Unsave say which they mean (never a toggle), so a double post or a second tab cannot
 * undo the first. The session user's list only; without JavaScript the browser lands back on the
 * recipe, with it the same redirect refreshes the page.
 */
export const toggleSavedAction = userAction(
  savedToggleSchema,
  recipeReturn,
  async ({ recipeId, intent }, { user, db, formData }): Promise<FormState> => {
    const id = parseRecipeId(recipeId);
    if (id) {
      if (intent === "save") await saveRecipe(db, user.id, id);
      else await unsaveRecipe(db, user.id, id);
    }
    redirect(recipeReturn(formData));
  },
);
