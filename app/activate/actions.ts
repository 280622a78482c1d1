"use server";

import { redirect } from "next/navigation";
import { signInWithActivation } from "@/auth/sign-in";
import { checkActivationToken } from "@/core/accounts/activation";
import { resendActivation } from "@/core/accounts/register";
import { emailOnlySchema } from "@/core/accounts/schemas";
import { getDb } from "@/infra/db";
import { consumeRequest } from "@/infra/rate-limits";
import { currentClient } from "@/web/client-ip";
import { flash } from "@/web/flash/flash";
import type { FormState } from "@/web/forms/form-state";
import { inBackground } from "@/web/forms/in-background";
import { rateLimitedState, validatedAction } from "@/web/forms/validated-action";

export const resendActivationAction = validatedAction(
  emailOnlySchema,
  async ({ email }): Promise<FormState> => {
    inBackground("activation.resend_failed", async () => resendActivation(await getDb(), email));
    return {
      message: `If ${email} has an account waiting for confirmation, a new link is on its way. Older links no longer work.`,
      messageTone: "success",
    };
  },
  { limit: "resend-activation" },
);

export async function activateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const expired: FormState = { message: "This link has already been used or has expired. Ask for a new one below.", messageTone: "error" };
  const limit = await consumeRequest("resend-activation", await currentClient());
  if (!limit.allowed) return rateLimitedState(limit.retryAfterSeconds);
  const token = formData.get("token");
  const password = formData.get("password");
  if (typeof token !== "string") return expired;
  const user = await checkActivationToken(await getDb(), token);
  if (!user) return expired;
  if (typeof password !== "string" || password === "") {
    return {
      fieldErrors: { password: "Enter the password you chose when you registered." },
      message: "Please correct the fields marked below.",
      messageTone: "error",
    };
  }
  // Checks the password, uses the token up, activates the account and signs in, or none of these.
  const activation = await signInWithActivation(token, password);
  if (activation.status === "wrong-password") {
    return {
      fieldErrors: { password: "That is not the password chosen when this address was registered." },
      message:
        "If you did not register this address yourself, someone else did: do not confirm it. Register it again with your own password, and use the link of that newest mail.",
      messageTone: "error",
    };
  }
  if (activation.status !== "activated") return expired;
  await flash(`Welcome, ${user.name}! Your account is confirmed and you are logged in.`, "success");
  redirect("/");
}
