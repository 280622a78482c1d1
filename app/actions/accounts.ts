"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import type * as z from "zod/mini";
import { auth, LockedAccountError, signIn, signOut, WrongActivationPasswordError } from "@/auth";
import { getDb } from "@/db";
import { checkActivationToken } from "@/lib/accounts/activate";
import { changePassword } from "@/lib/accounts/change-password";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { registerAccount, resendActivation } from "@/lib/accounts/register";
import { RESET_COOKIE, resetCookieOptions } from "@/lib/accounts/reset-cookie";
import { emailOnlySchema, loginSchema } from "@/lib/accounts/schemas";
import { serverChangePasswordSchema, serverNewPasswordSchema, serverRegisterSchema } from "@/lib/accounts/server-schemas";
import { findUserByEmail } from "@/lib/accounts/users";
import { requireUser } from "@/lib/auth/session";
import { revokeSession, revokeUserSessions } from "@/lib/auth/sessions";
import { flash } from "@/lib/flash";
import type { FormState } from "@/lib/forms/form-state";
import { rateLimitedState, validatedAction } from "@/lib/forms/validated-action";
import { log } from "@/lib/log";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { throwSwallowedError } from "@/lib/server/request-scope";
import { currentClient } from "@/lib/security/client-ip";
import { consumeRequest, minutesText } from "@/lib/security/rate-limit";

const MAIL_FAILED =
  "We could not send the confirmation mail just now. Your details are saved: ask for the link again below in a few minutes.";

export const registerAction = validatedAction(
  serverRegisterSchema,
  async (input) => {
    const mail = await registerAccount(input);
    // The same words whether or not the address already had an account.
    if (!mail.sent) {
      await flash(MAIL_FAILED, "error");
      redirect("/activate/resend");
    }
    await flash(`Check your inbox: we sent a mail to ${input.email} to confirm your address.`, "success");
    redirect("/");
  },
  { limit: "register" },
);

/** Runs after the response is sent, so every address gets the same answer in the same time. */
function inBackground(event: string, task: () => Promise<unknown>) {
  after(async () => {
    try {
      await task();
    } catch (error) {
      log.error(event, { reason: error instanceof Error ? error.name : "error" });
    }
  });
}

export const resendActivationAction = validatedAction(
  emailOnlySchema,
  async ({ email }): Promise<FormState> => {
    inBackground("activation.resend_failed", () => resendActivation(email));
    return {
      message: `If ${email} has an account waiting for confirmation, a new link is on its way. Older links no longer work.`,
      messageTone: "success",
    };
  },
  { limit: "resend-activation" },
);

export const forgotPasswordAction = validatedAction(
  emailOnlySchema,
  async ({ email }): Promise<FormState> => {
    inBackground("password_reset.request_failed", () => requestPasswordReset(email));
    return {
      message: `If an account uses ${email}, we sent it a link to choose a new password. The link works for one hour.`,
      messageTone: "success",
    };
  },
  { limit: "password-reset" },
);

export async function resetPasswordAction(previous: FormState, formData: FormData): Promise<FormState> {
  const jar = await cookies();
  const token = jar.get(RESET_COOKIE)?.value ?? "";
  return validatedAction(
    serverNewPasswordSchema,
    async ({ password }): Promise<FormState> => {
      if (!(await resetPassword(token, password))) {
        return { message: "This reset link has expired or was already used. Ask for a new one.", messageTone: "error", code: "expired" };
      }
      jar.set(RESET_COOKIE, "", { ...resetCookieOptions(), maxAge: 0 });
      await flash("Password changed — log in with your new password.", "success");
      redirect("/login");
    },
    { limit: "password-reset" },
  )(previous, formData);
}

const WRONG_CREDENTIALS = "Wrong email or password.";

/** Signs in and redirects, or returns why not. The redirect is thrown, never swallowed. */
async function attemptLogin({ email, password, callbackUrl }: z.output<typeof loginSchema>): Promise<FormState> {
  const destination = safeCallbackPath(callbackUrl);
  const values = { email, callbackUrl: destination };
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    throwSwallowedError();
    return { ...loginRefusal(error), values };
  }
  const user = await findUserByEmail(await getDb(), email);
  await flash(`Welcome back, ${user?.name ?? "friend"}!`, "success");
  redirect(destination);
}

/** What the form says when Auth.js refused the credentials (the reasons come from auth.ts). */
function loginRefusal(error: AuthError): FormState {
  if (error instanceof LockedAccountError) {
    return {
      message: `Too many failed attempts for this account. Wait ${minutesText(error.retryAfterSeconds)} and try again, or reset your password.`,
      messageTone: "error",
      code: "locked",
    };
  }
  if (error instanceof CredentialsSignin && error.code === "inactive") {
    return { message: "Your account is not confirmed yet. Open the link we mailed you, or ask for a new one.", messageTone: "error", code: "inactive" };
  }
  return { message: WRONG_CREDENTIALS, messageTone: "error", code: "invalid" };
}

/** The /login page's form. */
export const loginAction = validatedAction(loginSchema, attemptLogin, { limit: "login" });

/** The navigation bar's inline form: it has no room for explanations, so /login shows them. */
export async function navLoginAction(formData: FormData): Promise<void> {
  const state = await loginAction({}, formData);
  const fieldError = state.fieldErrors ? Object.values(state.fieldErrors)[0] : undefined;
  await flash(fieldError ?? state.message ?? WRONG_CREDENTIALS, "error");
  redirect("/login");
}

export async function logoutAction(): Promise<void> {
  // The server-side session ends first: if the database cannot be reached the logout fails (503)
  // and keeps the cookie, rather than clear it while a copy of it still opens the account.
  // Auth.js's signOut event revokes it as well, for any other way out (auth.ts).
  const session = await auth();
  throwSwallowedError();
  if (session?.sessionId) await revokeSession(session.sessionId);
  await signOut({ redirect: false });
  await flash("You have been logged out. See you soon!", "info");
  redirect("/");
}

export const changePasswordAction = validatedAction(
  serverChangePasswordSchema,
  async ({ currentPassword, password }): Promise<FormState> => {
    const user = await requireUser("/account");
    const session = await auth();
    const result = await changePassword(user, currentPassword, password, session?.sessionId);
    if (result.status === "locked") return { message: `Too many wrong passwords. Wait ${minutesText(result.retryAfterSeconds)} and try again.`, messageTone: "error" };
    if (result.status === "wrong-password") {
      return { fieldErrors: { currentPassword: "That is not your current password." }, message: "Your password was not changed.", messageTone: "error" };
    }
    await flash("Password changed. Every other device signed in to your account has been logged out.", "success");
    redirect("/account");
  },
);

export async function logoutOtherDevicesAction(): Promise<void> {
  const user = await requireUser("/account");
  const session = await auth();
  await revokeUserSessions(user.id, session?.sessionId);
  await flash("Every other device signed in to your account has been logged out.", "success");
  redirect("/account");
}

export async function activateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const expired: FormState = { message: "This link has already been used or has expired. Ask for a new one below.", messageTone: "error" };
  const limit = await consumeRequest("resend-activation", await currentClient());
  if (!limit.allowed) return rateLimitedState(limit.retryAfterSeconds);
  const token = formData.get("token");
  const password = formData.get("password");
  if (typeof token !== "string") return expired;
  const user = await checkActivationToken(token);
  if (!user) return expired;
  if (typeof password !== "string" || password === "") {
    return { fieldErrors: { password: "Enter the password you chose when you registered." }, message: "Please correct the fields marked below.", messageTone: "error" };
  }
  try {
    // The provider's authorize() checks the password, uses the token up and activates the account (auth.ts).
    await signIn("activation", { token, password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    throwSwallowedError();
    if (error instanceof WrongActivationPasswordError) {
      return {
        fieldErrors: { password: "That is not the password chosen when this address was registered." },
        message:
          "If you did not register this address yourself, someone else did: do not confirm it. Register it again with your own password, and use the link of that newest mail.",
        messageTone: "error",
      };
    }
    return expired;
  }
  await flash(`Welcome, ${user.name}! Your account is confirmed and you are logged in.`, "success");
  redirect("/");
}
