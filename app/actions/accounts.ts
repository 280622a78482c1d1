"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { auth, signIn, signOut } from "@/auth";
import { revokeSession } from "@/lib/auth/sessions";
import { checkActivationToken } from "@/lib/accounts/activate";
import { registerAccount, resendActivation } from "@/lib/accounts/register";
import { emailOnlySchema, loginSchema } from "@/lib/accounts/schemas";
import { serverRegisterSchema } from "@/lib/accounts/server-schemas";
import { findUserByEmail } from "@/lib/accounts/users";
import { getDb } from "@/db";
import { flash } from "@/lib/flash";
import type { FormState } from "@/lib/forms/form-state";
import { formValues, validatedAction } from "@/lib/forms/validated-action";
import { safeCallbackPath } from "@/lib/safe-redirect";

const MAIL_FAILED =
  "We could not send the confirmation mail just now. Your details are saved: ask for the link again below in a few minutes.";

export const registerAction = validatedAction(serverRegisterSchema, async (input) => {
  const mail = await registerAccount(input);
  // The same words whether or not the address already had an account.
  if (!mail.sent) {
    await flash(MAIL_FAILED, "error");
    redirect("/activate/resend");
  }
  await flash(`Check your inbox: we sent a mail to ${input.email} to confirm your address.`, "success");
  redirect("/");
});

export const resendActivationAction = validatedAction(emailOnlySchema, async ({ email }): Promise<FormState> => {
  const mail = await resendActivation(email);
  if (!mail.sent) return { message: "We could not send the mail just now. Please try again in a few minutes.", messageTone: "error" };
  return {
    message: `If ${email} has an account waiting for confirmation, a new link is on its way. Older links no longer work.`,
    messageTone: "success",
  };
});

const WRONG_CREDENTIALS = "Wrong email or password.";

/** Signs in and redirects, or returns why not. The redirect is thrown, never swallowed. */
async function attemptLogin({ email, password, callbackUrl }: z.output<typeof loginSchema>): Promise<FormState> {
  const destination = safeCallbackPath(callbackUrl);
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const inactive = error instanceof CredentialsSignin && error.code === "inactive";
    return {
      message: inactive ? "Your account is not confirmed yet. Open the link we mailed you, or ask for a new one." : WRONG_CREDENTIALS,
      messageTone: "error",
      code: inactive ? "inactive" : "invalid",
      values: { email, callbackUrl: destination },
    };
  }
  const user = await findUserByEmail(await getDb(), email);
  await flash(`Welcome back, ${user?.name ?? "friend"}!`, "success");
  redirect(destination);
}

/** The /login page's form. */
export const loginAction = validatedAction(loginSchema, attemptLogin);

/** The navigation bar's inline form: it has no room for explanations, so /login shows them. */
export async function navLoginAction(formData: FormData): Promise<void> {
  const parsed = loginSchema.safeParse(formValues(formData));
  const failure = parsed.success ? await attemptLogin(parsed.data) : { message: "Enter your email and password." };
  await flash(failure.message ?? WRONG_CREDENTIALS, "error");
  redirect("/login");
}

export async function logoutAction(): Promise<void> {
  // Revoked on the server first: a copy of this cookie, or one re-sent by a request still in
  // flight, no longer opens a session.
  const session = await auth();
  if (session?.sessionId) await revokeSession(session.sessionId);
  await signOut({ redirect: false });
  await flash("You have been logged out. See you soon!", "info");
  redirect("/");
}

export async function activateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const token = formData.get("token");
  const expired: FormState = { message: "This link has already been used or has expired. Ask for a new one below.", messageTone: "error" };
  if (typeof token !== "string") return expired;
  const user = await checkActivationToken(token);
  if (!user) return expired;
  try {
    // The provider's authorize() uses the token up and activates the account (auth.ts).
    await signIn("activation", { token, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return expired;
  }
  await flash(`Welcome, ${user.name}! Your account is confirmed and you are logged in.`, "success");
  redirect("/");
}
