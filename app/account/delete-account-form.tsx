"use client";

import { deleteAccountAction } from "./actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useZodForm } from "@/components/forms/use-zod-form";

const loadDeleteAccountSchema = () => import("@/core/accounts/schemas").then((schemas) => schemas.deleteAccountSchema);

export function DeleteAccountForm() {
  const { form, state, pending, errorFor, formProps } = useZodForm(loadDeleteAccountSchema, deleteAccountAction);
  const confirmError = errorFor("confirm");
  return (
    <form {...formProps} aria-describedby="delete-account-message" className="space-y-2">
      <FormMessage state={state} id="delete-account-message" />
      <TextField
        id="account-delete-password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errorFor("currentPassword")}
        registration={form.register("currentPassword")}
      />
      <div>
        <div className="flex items-start gap-2">
          <input
            id="account-delete-confirm"
            type="checkbox"
            value="yes"
            className="mt-1 size-4"
            aria-invalid={confirmError ? true : undefined}
            aria-describedby="account-delete-confirm-error"
            {...form.register("confirm")}
          />
          <label htmlFor="account-delete-confirm" className="text-sm text-stone-800">
            I understand that my account, my recipes and my pantry are deleted for good.
          </label>
        </div>
        <p
          id="account-delete-confirm-error"
          className="mt-1 min-h-5 text-sm text-red-700"
          aria-live="polite"
          data-testid="account-delete-confirm-error"
        >
          {confirmError}
        </p>
      </div>
      <SubmitButton pending={pending} pendingLabel="Deleting…" className="btn-danger">
        Delete my account
      </SubmitButton>
    </form>
  );
}
