"use server";

import { redirect } from "next/navigation";
import { signOutHere } from "@/auth/sign-in";
import { requireSession } from "@/auth/user";
import { changePassword } from "@/core/accounts/change-password";
import { deleteAccount } from "@/core/accounts/delete-account";
import { EMAIL_CHANGE_TTL_HOURS, requestEmailChange } from "@/core/accounts/email-change";
import { changeName } from "@/core/accounts/profile";
import { changeEmailSchema, changeNameSchema, deleteAccountSchema } from "@/core/accounts/schemas";
import { serverChangePasswordSchema } from "@/core/accounts/server-schemas";
import { revokeUserSessions } from "@/core/accounts/sessions";
import { getDb } from "@/infra/db";
import { flash } from "@/web/flash/flash";
import type { FormState } from "@/web/forms/form-state";
import { minutesText, userAction, validatedAction } from "@/web/forms/validated-action";

const toAccount = () => "/account";

const lockedState = (retryAfterSeconds: number): FormState => ({
  message: `Too many wrong passwords. Wait ${minutesText(retryAfterSeconds)} and try again.`,
  messageTone: "error",
});

const wrongPasswordState = (outcome: string): FormState => ({
  fieldErrors: { currentPassword: "That is not your current password." },
  message: outcome,
  messageTone: "error",
});

export const changeNameAction = userAction(changeNameSchema, toAccount, async ({ name }, { user, db }): Promise<FormState> => {
  if (!(await changeName(db, user.id, name))) return { message: "Your name was not changed. Please try again.", messageTone: "error" };
  await flash(`Saved. You are ${name} now.`, "success");
  redirect("/account");
});

export const changeEmailAction = userAction(
  changeEmailSchema,
  toAccount,
  async ({ email, currentPassword }, { user, db }): Promise<FormState> => {
    const result = await requestEmailChange(db, user, currentPassword, email);
    if (result.status === "locked") return lockedState(result.retryAfterSeconds);
    if (result.status === "wrong-password") return wrongPasswordState("Your address was not changed.");
    if (result.status === "same") {
      return { fieldErrors: { email: "That is already your address." }, message: "Your address was not changed.", messageTone: "error" };
    }
    if (!result.mail.sent) {
      return { message: `We could not send a mail to ${email} just now. Please try again in a few minutes.`, messageTone: "error" };
    }
    // The same answer whether or not the address has an account of its own (it gets a notice instead of a link).
    return {
      message: `We sent a link to ${email}. Open it within ${EMAIL_CHANGE_TTL_HOURS} hours to confirm your new address; until then you keep logging in with ${user.email}.`,
      messageTone: "success",
    };
  },
  { limit: "email-change" },
);

export const deleteAccountAction = userAction(
  deleteAccountSchema,
  toAccount,
  async ({ currentPassword }, { user, db }): Promise<FormState> => {
    const result = await deleteAccount(db, user, currentPassword);
    if (result.status === "locked") return lockedState(result.retryAfterSeconds);
    if (result.status === "wrong-password") return wrongPasswordState("Nothing was deleted.");
    await signOutHere();
    await flash("Your account is deleted, with your recipes and your pantry. Goodbye, and thank you for cooking with us.", "info");
    redirect("/");
  },
);

export const changePasswordAction = validatedAction(
  serverChangePasswordSchema,
  async ({ currentPassword, password }): Promise<FormState> => {
    const { user, sessionId } = await requireSession("/account");
    const result = await changePassword(await getDb(), user, currentPassword, password, sessionId);
    if (result.status === "locked") return lockedState(result.retryAfterSeconds);
    if (result.status === "wrong-password") return wrongPasswordState("Your password was not changed.");
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
