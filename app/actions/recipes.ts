"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { requireUser } from "@/lib/auth/session";
import { flash } from "@/lib/flash";
import type { FormState } from "@/lib/forms/form-state";
import { rateLimitedState, validatedAction } from "@/lib/forms/validated-action";
import { createRecipe, deleteRecipe, parseRecipeId, updateRecipe } from "@/lib/recipes/queries";
import { recipeFormValues } from "@/lib/recipes/form-values";
import { serverRecipeFormSchema, serverRecipeUpdateSchema } from "@/lib/recipes/server-schemas";
import { consumeRecipeWrite, minutesText } from "@/lib/security/rate-limit";

// Each action checks the session itself and passes the user to the data layer, which only ever
// touches that user's recipes: a forged post naming someone else's recipe changes nothing.

/** What the form says once an account has saved its hour's worth of recipes. */
async function overWriteLimit(userId: string): Promise<FormState | null> {
  const limit = await consumeRecipeWrite(userId);
  if (limit.allowed) return null;
  return {
    ...rateLimitedState(limit.retryAfterSeconds),
    message: `You have saved a lot of recipes in the last hour. Please wait ${minutesText(limit.retryAfterSeconds)} and save again: your text is still here.`,
  };
}

export const createRecipeAction = validatedAction(serverRecipeFormSchema, async (input): Promise<FormState | void> => {
  const user = await requireUser("/recipes/new");
  const limited = await overWriteLimit(user.id);
  if (limited) return limited;
  const id = await createRecipe(await getDb(), user.id, input);
  await flash(`“${input.title}” is saved.`, "success");
  redirect(`/recipes/${id}`);
});

export const updateRecipeAction = validatedAction(serverRecipeUpdateSchema, async (input, formData): Promise<FormState> => {
  const id = parseRecipeId(formData.get("id"));
  const user = await requireUser(id ? `/recipes/${id}/edit` : "/dashboard");
  const limited = await overWriteLimit(user.id);
  if (limited) return limited;
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
