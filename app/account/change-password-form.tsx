"use client";

import { changePasswordAction } from "./actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useZodForm } from "@/components/forms/use-zod-form";

const loadChangePasswordSchema = () => import("@/core/accounts/schemas").then((schemas) => schemas.changePasswordSchema);

export function ChangePasswordForm() {
  const { form, state, pending, errorFor, formProps } = useZodForm(loadChangePasswordSchema, changePasswordAction);
  return (
    <form {...formProps} aria-describedby="change-password-message" className="space-y-2">
      <FormMessage state={state} id="change-password-message" />
      <TextField
        id="account-current-password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errorFor("currentPassword")}
        registration={form.register("currentPassword")}
      />
      <TextField
        id="account-new-password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters. A long phrase you can remember works well."
        error={errorFor("password")}
        registration={form.register("password")}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Change password
      </SubmitButton>
    </form>
  );
}
