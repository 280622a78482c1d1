"use client";

import { useEffect } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { FormState } from "@/web/forms/form-state";
import { LineListField } from "./line-list-field";

const loadRecipeFormSchema = () => import("@/core/recipes/schemas").then((schemas) => schemas.recipeFormSchema);

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initialValues: Record<string, string>;
  submitLabel: string;
  recipeId?: number;
  /** The hosts an image address may name (IMAGE_HOSTS); none: the form has no image field. */
  imageHosts: readonly string[];
};

export function RecipeForm({ action, initialValues, submitLabel, recipeId, imageHosts }: Props) {
  const { form, state, pending, errorFor, formProps } = useZodForm(loadRecipeFormSchema, action, initialValues);
  const values = state.values ?? initialValues;

  // Someone saved in between: show the newer version rather than keep editing the stale one.
  useEffect(() => {
    if (state.code === "conflict" && state.values) form.reset(state.values);
  }, [state, form]);

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
        control={form.control}
        name="ingredients"
        id="recipe-ingredients"
        label="Ingredients"
        itemLabel="Ingredient"
        hint='Quantity, unit and name, e.g. "2 tbsp olive oil".'
        error={errorFor("ingredients")}
      />
      <LineListField
        control={form.control}
        name="steps"
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
      {imageHosts.length > 0 ? (
        <TextField
          id="recipe-imageUrl"
          label="Image address (optional)"
          type="url"
          placeholder={`https://${imageHosts[0]}/…`}
          hint={`An image on ${imageHosts.join(", ")}.`}
          defaultValue={values.imageUrl}
          error={errorFor("imageUrl")}
          registration={form.register("imageUrl")}
        />
      ) : (
        // Without allowed hosts an image address is never kept, not even one saved before.
        <input type="hidden" name="imageUrl" value="" />
      )}
      <SubmitButton pending={pending} pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
