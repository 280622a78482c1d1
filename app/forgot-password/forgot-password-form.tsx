"use client";

import { forgotPasswordAction } from "./actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useZodForm } from "@/components/forms/use-zod-form";

const loadEmailOnlySchema = () => import("@/core/accounts/schemas").then((schemas) => schemas.emailOnlySchema);

export function ForgotPasswordForm() {
  const { form, state, pending, errorFor, formProps } = useZodForm(loadEmailOnlySchema, forgotPasswordAction);
  return (
    <form {...formProps} aria-describedby="forgot-message" className="space-y-2">
      <FormMessage state={state} id="forgot-message" />
      <TextField
        id="forgot-email"
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={state.values?.email}
        error={errorFor("email")}
        registration={form.register("email")}
      />
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send me a reset link
      </SubmitButton>
    </form>
  );
}
