"use client";

import { resendActivationAction } from "./actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useKeptAddress } from "@/components/forms/use-kept-address";
import { useZodForm } from "@/components/forms/use-zod-form";

const loadEmailOnlySchema = () => import("@/core/accounts/schemas").then((schemas) => schemas.emailOnlySchema);

/** `email`: the address of a registration whose mail could not be sent. */
export function ResendActivationForm({ email }: { email?: string }) {
  const { form, state, pending, errorFor, formProps } = useZodForm(
    loadEmailOnlySchema,
    resendActivationAction,
    email ? { email } : undefined,
  );
  useKeptAddress((address) => form.setValue("email", address));
  return (
    <form {...formProps} aria-describedby="resend-message" className="space-y-2">
      <FormMessage state={state} id="resend-message" />
      <TextField
        id="resend-email"
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={state.values?.email}
        error={errorFor("email")}
        registration={form.register("email")}
      />
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send the link again
      </SubmitButton>
    </form>
  );
}
