"use client";

import { changeNameAction } from "./actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useZodForm } from "@/components/forms/use-zod-form";

const loadChangeNameSchema = () => import("@/core/accounts/schemas").then((schemas) => schemas.changeNameSchema);

export function ChangeNameForm({ name }: { name: string }) {
  const { form, state, pending, errorFor, formProps } = useZodForm(loadChangeNameSchema, changeNameAction, { name });
  return (
    <form {...formProps} aria-describedby="change-name-message" className="space-y-2">
      <FormMessage state={state} id="change-name-message" />
      <TextField
        id="account-name"
        label="Name"
        autoComplete="name"
        defaultValue={state.values?.name ?? name}
        error={errorFor("name")}
        registration={form.register("name")}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save name
      </SubmitButton>
    </form>
  );
}
