"use client";

import { loginAction } from "./actions";
import { FormHintLink } from "@/components/forms/form-hint-link";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useKeptAddress } from "@/components/forms/use-kept-address";
import { useZodForm } from "@/components/forms/use-zod-form";

const loadLoginSchema = () => import("@/core/accounts/schemas").then((schemas) => schemas.loginSchema);

/** `email`: the address typed into the header's login when it was refused, never the password. */
export function LoginForm({ callbackUrl, email }: { callbackUrl: string; email?: string }) {
  const { form, state, pending, errorFor, formProps } = useZodForm(loadLoginSchema, loginAction, email ? { email } : undefined);
  useKeptAddress((address) => form.setValue("email", address));
  return (
    <form {...formProps} aria-describedby="login-message" className="space-y-2">
      <FormMessage state={state} id="login-message" />
      {state.code === "inactive" ? <FormHintLink href="/activate/resend">Send the confirmation link again</FormHintLink> : null}
      {state.code === "locked" ? <FormHintLink href="/forgot-password">Reset your password</FormHintLink> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        id="login-email"
        label="Email"
        type="email"
        autoComplete="username"
        defaultValue={state.values?.email}
        error={errorFor("email")}
        registration={form.register("email")}
      />
      <TextField
        id="login-password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errorFor("password")}
        registration={form.register("password")}
      />
      <SubmitButton pending={pending} pendingLabel="Logging in…">
        Log in
      </SubmitButton>
    </form>
  );
}
