"use server";

import { redirect } from "next/navigation";
import type * as z from "zod/mini";
import { signInWithPassword } from "@/auth/sign-in";
import type { LoginCheck } from "@/core/accounts/login";
import { loginSchema } from "@/core/accounts/schemas";
import { flash, keepAddress } from "@/web/flash/flash";
import type { FormState } from "@/web/forms/form-state";
import { minutesText, validatedAction } from "@/web/forms/validated-action";
import { safeCallbackPath } from "@/web/safe-redirect";

const WRONG_CREDENTIALS = "Wrong email or password.";

/** Signs in and redirects, or returns why not. The redirect is thrown, never swallowed. */
async function attemptLogin({ email, password, callbackUrl }: z.output<typeof loginSchema>): Promise<FormState> {
  const destination = safeCallbackPath(callbackUrl);
  const login = await signInWithPassword(email, password);
  if (login.status !== "ok") return { ...loginRefusal(login), values: { email, callbackUrl: destination } };
  await flash(`Welcome back, ${login.user.name}!`, "success");
  redirect(destination);
}

function loginRefusal(login: Exclude<LoginCheck, { status: "ok" }>): FormState {
  if (login.status === "locked") {
    return {
      message: `Too many failed attempts for this account. Wait ${minutesText(login.retryAfterSeconds)} and try again, or reset your password.`,
      messageTone: "error",
      code: "locked",
    };
  }
  if (login.status === "inactive") {
    return {
      message: "Your account is not confirmed yet. Open the link we mailed you, or ask for a new one.",
      messageTone: "error",
      code: "inactive",
    };
  }
  return { message: WRONG_CREDENTIALS, messageTone: "error", code: "invalid" };
}

export const loginAction = validatedAction(loginSchema, attemptLogin, { limit: "login" });

/** The navigation bar's inline form: it has no room for explanations, so /login shows them. */
export async function navLoginAction(formData: FormData): Promise<void> {
  const state = await loginAction({}, formData);
  const fieldError = state.fieldErrors ? Object.values(state.fieldErrors)[0] : undefined;
  await flash(fieldError ?? state.message ?? WRONG_CREDENTIALS, "error");
  if (state.values?.email) await keepAddress(state.values.email);
  redirect("/login");
}
