"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/web/forms/form-state";

type Props = {
  id: string;
  token: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  pendingLabel: string;
};

/** Opening a mailed link changes nothing (mail scanners open links too): this button's post does. */
export function LinkButtonForm({ id, token, action, label, pendingLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} aria-describedby={`${id}-message`}>
      <FormMessage state={state} id={`${id}-message`} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
