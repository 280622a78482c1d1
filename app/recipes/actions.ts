"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/auth/user";
import { PhotoRejected, processPhoto, type ProcessedPhoto } from "@/core/photos/process";
import { MAX_PHOTO_BYTES, PHOTO_MESSAGES } from "@/core/photos/rules";
import { createRecipe, deleteRecipe, parseRecipeId, updateRecipe, type PhotoChange } from "@/core/recipes/queries";
import { recipeFormSchema, recipeFormValues, recipeUpdateSchema } from "@/core/recipes/schemas";
import { getDb } from "@/infra/db";
import { consumeRecipeWrite } from "@/infra/rate-limits";
import { flash } from "@/web/flash/flash";
import type { FormState } from "@/web/forms/form-state";
import { minutesText, rateLimitedState, userAction, type FileCheck } from "@/web/forms/validated-action";

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

/**
 * The photo field: no file chosen (a form without JavaScript still sends an empty, unnamed part), or a photo processed
 * and ready to store. What sharp cannot read, or will not, is a message next to the field and nothing is stored.
 */
const checkPhoto: FileCheck<ProcessedPhoto | null> = async (formData) => {
  const file = formData.get("photo");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return { files: null };
  // Not read at all when over the cap.
  if (file.size > MAX_PHOTO_BYTES) return { fieldErrors: { photo: PHOTO_MESSAGES.tooBig } };
  try {
    return { files: await processPhoto(new Uint8Array(await file.arrayBuffer())) };
  } catch (error) {
    if (error instanceof PhotoRejected) return { fieldErrors: { photo: error.message } };
    throw error;
  }
};

/** On an edit: a new photo replaces the old one; "Remove the photo" ticked without a new one removes it. */
const checkPhotoChange: FileCheck<PhotoChange> = async (formData) => {
  const checked = await checkPhoto(formData);
  if ("fieldErrors" in checked) return checked;
  if (checked.files) return { files: { kind: "replace", processed: checked.files } };
  return { files: formData.get("removePhoto") === "on" ? { kind: "remove" } : { kind: "keep" } };
};

const editPath = (formData: FormData) => {
  const id = parseRecipeId(formData.get("id"));
  return id ? `/recipes/${id}/edit` : "/dashboard";
};

export const createRecipeAction = userAction(
  recipeFormSchema,
  () => "/recipes/new",
  async (input, { user, db, files: photo }): Promise<FormState | void> => {
    const limited = await overWriteLimit(user.id);
    if (limited) return limited;
    const id = await createRecipe(db, user.id, input, photo);
    await flash(`“${input.title}” is saved.`, "success");
    redirect(`/recipes/${id}`);
  },
  { checkFiles: checkPhoto },
);

export const updateRecipeAction = userAction(
  recipeUpdateSchema,
  editPath,
  async (input, { user, db, formData, files: photoChange }): Promise<FormState> => {
    const id = parseRecipeId(formData.get("id"));
    const limited = await overWriteLimit(user.id);
    if (limited) return limited;
    // Ownership is checked again in the data layer: someone else's recipe (and its photo) is "not-found".
    const result = id ? await updateRecipe(db, user.id, id, input.version, input, photoChange) : ({ status: "not-found" } as const);
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
  { checkFiles: checkPhotoChange },
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
