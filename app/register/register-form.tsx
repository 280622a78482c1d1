"use client";

import { registerAction } from "./actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useZodForm } from "@/components/forms/use-zod-form";

const loadRegisterSchema = () => import("@/core/accounts/schemas").then((schemas) => schemas.registerSchema);

export function RegisterForm() {
  const { form, state, pending, errorFor, formProps } = useZodForm(loadRegisterSchema, registerAction);
  return (
    <form {...formProps} aria-describedby="register-message" className="space-y-2">
      <FormMessage state={state} id="register-message" />
      <TextField
        id="register-name"
        label="Name"
        autoComplete="name"
        defaultValue={state.values?.name}
        error={errorFor("name")}
        registration={form.register("name")}
      />
      <TextField
        id="register-email"
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={state.values?.email}
        error={errorFor("email")}
        registration={form.register("email")}
      />
      <TextField
        id="register-password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters. A long phrase you can remember works well."
        error={errorFor("password")}
        registration={form.register("password")}
      />
      <SubmitButton pending={pending} pendingLabel="Creating your account…">
        Register
      </SubmitButton>
    </form>
  );
}
