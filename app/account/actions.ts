"use server";

import { redirect } from "next/navigation";
import { signOutHere } from "@/auth/sign-in";
import { requireSession } from "@/auth/user";
import { changePassword } from "@/core/accounts/change-password";
import { serverChangePasswordSchema } from "@/core/accounts/server-schemas";
import { revokeUserSessions } from "@/core/accounts/sessions";
import { getDb } from "@/infra/db";
import { flash } from "@/web/flash/flash";
import type { FormState } from "@/web/forms/form-state";
import { minutesText, validatedAction } from "@/web/forms/validated-action";

export const changePasswordAction = validatedAction(
  serverChangePasswordSchema,
  async ({ currentPassword, password }): Promise<FormState> => {
    const { user, sessionId } = await requireSession("/account");
    const result = await changePassword(await getDb(), user, currentPassword, password, sessionId);
    if (result.status === "locked")
      return { message: `Too many wrong passwords. Wait ${minutesText(result.retryAfterSeconds)} and try again.`, messageTone: "error" };
    if (result.status === "wrong-password") {
      return {
        fieldErrors: { currentPassword: "That is not your current password." },
        message: "Your password was not changed.",
        messageTone: "error",
      };
    }
    await flash("Password changed. Every other device signed in to your account has been logged out.", "success");
    redirect("/account");
  },
);

export async function logoutOtherDevicesAction(): Promise<void> {
  const { user, sessionId } = await requireSession("/account");
  await revokeUserSessions(await getDb(), user.id, sessionId);
  await flash("Every other device signed in to your account has been logged out.", "success");
  redirect("/account");
}

export async function logoutAction(): Promise<void> {
  await signOutHere();
  await flash("You have been logged out. See you soon!", "info");
  redirect("/");
}
