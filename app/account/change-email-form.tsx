"use client";

import { changeEmailAction } from "./actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useZodForm } from "@/components/forms/use-zod-form";

const loadChangeEmailSchema = () => import("@/core/accounts/schemas").then((schemas) => schemas.changeEmailSchema);

export function ChangeEmailForm() {
  const { form, state, pending, errorFor, formProps } = useZodForm(loadChangeEmailSchema, changeEmailAction);
  return (
    <form {...formProps} aria-describedby="change-email-message" className="space-y-2">
      <FormMessage state={state} id="change-email-message" />
      <TextField
        id="account-new-email"
        label="New email address"
        type="email"
        autoComplete="email"
        defaultValue={state.values?.email}
        error={errorFor("email")}
        registration={form.register("email")}
      />
      <TextField
        id="account-email-password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errorFor("currentPassword")}
        registration={form.register("currentPassword")}
      />
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send a confirmation link
      </SubmitButton>
    </form>
  );
}
