"use client";

import { useActionState } from "react";
import { activateAction } from "@/app/actions/accounts";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms/form-state";

export function ConfirmActivationForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(activateAction, initialFormState);
  return (
    <form action={formAction}>
      <FormMessage state={state} id="activate-message" />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} pendingLabel="Confirming…">
        Confirm my account
      </SubmitButton>
    </form>
  );
}
