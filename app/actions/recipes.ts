"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { requireUser } from "@/lib/auth/session";
import { flash } from "@/lib/flash";
import type { FormState } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";
import { createRecipe, deleteRecipe, parseRecipeId, updateRecipe } from "@/lib/recipes/queries";
import { recipeFormValues } from "@/lib/recipes/form-values";
import { recipeFormSchema, recipeUpdateSchema } from "@/lib/recipes/schemas";

// Each action checks the session itself and passes the user to the data layer, which only ever
// touches that user's recipes: a forged post naming someone else's recipe changes nothing.

export const createRecipeAction = validatedAction(recipeFormSchema, async (input) => {
  const user = await requireUser("/recipes/new");
  const id = await createRecipe(await getDb(), user.id, input);
  await flash(`“${input.title}” is saved.`, "success");
  redirect(`/recipes/${id}`);
});

export const updateRecipeAction = validatedAction(recipeUpdateSchema, async (input, formData): Promise<FormState> => {
  const id = parseRecipeId(formData.get("id"));
  const user = await requireUser(id ? `/recipes/${id}/edit` : "/dashboard");
  const result = id ? await updateRecipe(await getDb(), user.id, id, input.version, input) : ({ status: "not-found" } as const);
  if (result.status === "not-found") {
    await flash("That recipe does not exist, or it is not yours to edit.", "error");
    redirect("/dashboard");
  }
  if (result.status === "conflict") {
    return {
      message:
        "This recipe was changed after you opened it (perhaps in another tab), so your save was not applied. The form now shows the newer version: make your changes again and save.",
      messageTone: "error",
      code: "conflict",
      values: recipeFormValues(result.current),
    };
  }
  await flash(`“${input.title}” is updated.`, "success");
  redirect(`/recipes/${id}`);
});

export async function deleteRecipeAction(formData: FormData): Promise<void> {
  const id = parseRecipeId(formData.get("id"));
  const user = await requireUser("/dashboard");
  const deleted = id ? await deleteRecipe(await getDb(), user.id, id) : false;
  await flash(deleted ? "The recipe is deleted." : "That recipe does not exist, or it is not yours to delete.", deleted ? "success" : "error");
  redirect("/dashboard");
}
