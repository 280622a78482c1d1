"use client";

import { resetPasswordAction } from "./actions";
import { FormHintLink } from "@/components/forms/form-hint-link";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useZodForm } from "@/components/forms/use-zod-form";

const loadNewPasswordSchema = () => import("@/core/accounts/schemas").then((schemas) => schemas.newPasswordSchema);

export function ResetPasswordForm() {
  const { form, state, pending, errorFor, formProps } = useZodForm(loadNewPasswordSchema, resetPasswordAction);
  return (
    <form {...formProps} aria-describedby="reset-message" className="space-y-2">
      <FormMessage state={state} id="reset-message" />
      {state.code === "expired" ? <FormHintLink href="/forgot-password">Ask for a new link</FormHintLink> : null}
      <TextField
        id="reset-password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters. A long phrase you can remember works well."
        error={errorFor("password")}
        registration={form.register("password")}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Set new password
      </SubmitButton>
    </form>
  );
}
