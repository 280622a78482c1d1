"use client";

import { useActionState } from "react";
import { activateAction } from "../actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { initialFormState } from "@/web/forms/form-state";

export function ConfirmActivationForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(activateAction, initialFormState);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} id="activate-message" />
      <input type="hidden" name="token" value={token} />
      <TextField
        id="activate-password"
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        hint="The one you chose when you registered."
        error={state.fieldErrors?.password}
      />
      <SubmitButton pending={pending} pendingLabel="Confirming…">
        Confirm my account
      </SubmitButton>
    </form>
  );
}
