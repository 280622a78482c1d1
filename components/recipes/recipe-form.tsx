"use client";

import { useEffect, type ChangeEvent } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useZodForm } from "@/components/forms/use-zod-form";
import { MAX_PHOTO_BYTES, PHOTO_ACCEPT, PHOTO_MESSAGES } from "@/core/photos/rules";
import type { RecipePhoto as Photo } from "@/infra/db/schema";
import type { FormState } from "@/web/forms/form-state";
import { LineListField } from "./line-list-field";
import { RecipePhoto } from "./recipe-photo";

const loadRecipeFormSchema = () => import("@/core/recipes/schemas").then((schemas) => schemas.recipeFormSchema);

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initialValues: Record<string, string>;
  submitLabel: string;
  recipeId?: number;
  /** The recipe's current photo, on an edit. */
  photo?: Photo | null;
};

export function RecipeForm({ action, initialValues, submitLabel, recipeId, photo = null }: Props) {
  const { form, state, pending, errorFor, formProps } = useZodForm(loadRecipeFormSchema, action, initialValues);
  const values = state.values ?? initialValues;
  const { reset } = form;

  // Someone saved in between: show the newer version rather than keep editing the stale one. The line lists keep
  // their own lines, so they start again (keyed by the version) from the newer text.
  useEffect(() => {
    if (state.code === "conflict" && state.values) reset(state.values);
  }, [state, reset]);

  const photoError = errorFor("photo");
  // A file over the cap would only be refused after its upload: say so at once and send nothing.
  const checkPhotoSize = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file && file.size > MAX_PHOTO_BYTES) {
      event.target.value = "";
      form.setError("photo", PHOTO_MESSAGES.tooBig);
    } else {
      form.clearErrors("photo");
    }
  };

  const number = (name: "servings" | "prepMinutes" | "cookMinutes", label: string, hint?: string) => (
    <TextField
      id={`recipe-${name}`}
      label={label}
      type="number"
      inputMode="numeric"
      min={name === "servings" ? 1 : 0}
      hint={hint}
      defaultValue={values[name]}
      error={errorFor(name)}
      registration={form.register(name)}
    />
  );

  return (
    <form {...formProps} aria-describedby="recipe-message" className="space-y-3">
      <FormMessage state={state} id="recipe-message" />
      {recipeId ? <input type="hidden" name="id" value={recipeId} /> : null}
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      <TextField
        id="recipe-title"
        label="Title"
        defaultValue={values.title}
        error={errorFor("title")}
        registration={form.register("title")}
      />
      <div>
        <label htmlFor="recipe-summary" className="mb-1 block text-sm font-medium text-stone-800">
          Summary <span className="font-normal text-stone-600">(optional)</span>
        </label>
        <textarea
          id="recipe-summary"
          rows={3}
          className="input"
          defaultValue={values.summary}
          aria-invalid={errorFor("summary") ? true : undefined}
          aria-describedby="recipe-summary-error"
          {...form.register("summary")}
        />
        <p id="recipe-summary-error" className="mt-1 min-h-5 text-sm text-red-700" aria-live="polite" data-testid="recipe-summary-error">
          {errorFor("summary")}
        </p>
      </div>
      <LineListField
        key={`ingredients-${values.version ?? "new"}`}
        registration={form.register("ingredients")}
        defaultValue={values.ingredients}
        id="recipe-ingredients"
        label="Ingredients"
        itemLabel="Ingredient"
        hint='Quantity, unit and name, e.g. "2 tbsp olive oil".'
        error={errorFor("ingredients")}
      />
      <LineListField
        key={`steps-${values.version ?? "new"}`}
        registration={form.register("steps")}
        defaultValue={values.steps}
        id="recipe-steps"
        label="Steps"
        itemLabel="Step"
        hint="In the order you do them."
        error={errorFor("steps")}
        multiline
      />
      <div className="grid gap-3 sm:grid-cols-3">
        {number("servings", "Servings")}
        {number("prepMinutes", "Preparation (minutes)")}
        {number("cookMinutes", "Cooking (minutes)")}
      </div>
      <div>
        <label htmlFor="recipe-photo" className="mb-1 block text-sm font-medium text-stone-800">
          Photo <span className="font-normal text-stone-600">(optional)</span>
        </label>
        {photo ? (
          <div className="mb-2 flex flex-wrap items-end gap-3">
            <RecipePhoto photo={photo} title={`The current photo of ${values.title || "this recipe"}`} sizes="12rem" className="max-w-48" />
            <label className="flex items-center gap-2 text-sm text-stone-800">
              <input type="checkbox" name="removePhoto" id="recipe-removePhoto" className="h-4 w-4" />
              Remove the photo
            </label>
          </div>
        ) : null}
        <input
          id="recipe-photo"
          name="photo"
          type="file"
          accept={PHOTO_ACCEPT}
          className="block w-full text-sm text-stone-800 file:mr-3 file:rounded-md file:border-0 file:bg-stone-200 file:px-3 file:py-2 file:font-medium file:text-stone-900"
          aria-invalid={photoError ? true : undefined}
          aria-describedby={photoError ? "recipe-photo-hint recipe-photo-error" : "recipe-photo-hint"}
          onChange={checkPhotoSize}
        />
        <p id="recipe-photo-hint" className="mt-1 text-sm text-stone-600">
          JPEG, PNG, WebP or AVIF, up to 10 MB.{photo ? " A new photo replaces the current one." : ""}
        </p>
        <p id="recipe-photo-error" className="mt-1 min-h-5 text-sm text-red-700" aria-live="polite" data-testid="recipe-photo-error">
          {photoError}
        </p>
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
