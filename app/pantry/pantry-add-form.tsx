"use client";

import { addToPantryAction } from "./actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useZodForm } from "@/components/forms/use-zod-form";

const loadPantryAddSchema = () => import("@/core/pantry/schemas").then((schemas) => schemas.pantryAddSchema);

export function PantryAddForm() {
  const { form, state, pending, errorFor, formProps } = useZodForm(loadPantryAddSchema, addToPantryAction);
  return (
    <form {...formProps} aria-describedby="pantry-add-message" className="space-y-2">
      <FormMessage state={state} id="pantry-add-message" />
      <TextField
        id="pantry-ingredients"
        label="Add ingredients"
        hint="Separate them with commas, e.g. chicken thighs, rocket, prawns."
        autoComplete="off"
        // Without JavaScript the refused text comes back in the server's answer, to be corrected.
        defaultValue={state.values?.ingredients}
        error={errorFor("ingredients")}
        registration={form.register("ingredients")}
      />
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add to pantry
      </SubmitButton>
    </form>
  );
}
