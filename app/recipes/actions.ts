"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/auth/user";
import { createRecipe, deleteRecipe, parseRecipeId, updateRecipe } from "@/core/recipes/queries";
import { recipeFormValues } from "@/core/recipes/schemas";
import { serverRecipeFormSchema, serverRecipeUpdateSchema } from "@/core/recipes/server-schemas";
import { getDb } from "@/infra/db";
import { consumeRecipeWrite } from "@/infra/rate-limits";
import { flash } from "@/web/flash/flash";
import type { FormState } from "@/web/forms/form-state";
import { minutesText, rateLimitedState, userAction } from "@/web/forms/validated-action";

// The data layer only ever touches the acting user's recipes: a forged post naming someone else's
// recipe changes nothing.

/** What the form says once an account has saved its hour's worth of recipes. */
async function overWriteLimit(userId: string): Promise<FormState | null> {
  const limit = await consumeRecipeWrite(userId);
  if (limit.allowed) return null;
  return {
    ...rateLimitedState(limit.retryAfterSeconds),
    message: `You have saved a lot of recipes in the last hour. Please wait ${minutesText(limit.retryAfterSeconds)} and save again: your text is still here.`,
  };
}

const editPath = (formData: FormData) => {
  const id = parseRecipeId(formData.get("id"));
  return id ? `/recipes/${id}/edit` : "/dashboard";
};

export const createRecipeAction = userAction(
  serverRecipeFormSchema,
  () => "/recipes/new",
  async (input, { user, db }): Promise<FormState | void> => {
    const limited = await overWriteLimit(user.id);
    if (limited) return limited;
    const id = await createRecipe(db, user.id, input);
    await flash(`“${input.title}” is saved.`, "success");
    redirect(`/recipes/${id}`);
  },
);

export const updateRecipeAction = userAction(
  serverRecipeUpdateSchema,
  editPath,
  async (input, { user, db, formData }): Promise<FormState> => {
    const id = parseRecipeId(formData.get("id"));
    const limited = await overWriteLimit(user.id);
    if (limited) return limited;
    const result = id ? await updateRecipe(db, user.id, id, input.version, input) : ({ status: "not-found" } as const);
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
  },
);

export async function deleteRecipeAction(formData: FormData): Promise<void> {
  const id = parseRecipeId(formData.get("id"));
  const user = await requireUser("/dashboard");
  const deleted = id ? await deleteRecipe(await getDb(), user.id, id) : false;
  await flash(
    deleted ? "The recipe is deleted." : "That recipe does not exist, or it is not yours to delete.",
    deleted ? "success" : "error",
  );
  redirect("/dashboard");
}
