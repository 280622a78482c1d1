"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { resetPassword } from "@/core/accounts/password-reset";
import { serverNewPasswordSchema } from "@/core/accounts/server-schemas";
import { getDb } from "@/infra/db";
import { flash, keepAddress } from "@/web/flash/flash";
import type { FormState } from "@/web/forms/form-state";
import { validatedAction } from "@/web/forms/validated-action";
import { RESET_COOKIE, resetCookieOptions } from "@/web/reset-cookie";

export async function resetPasswordAction(previous: FormState, formData: FormData): Promise<FormState> {
  const jar = await cookies();
  const token = jar.get(RESET_COOKIE)?.value ?? "";
  return validatedAction(
    serverNewPasswordSchema,
    async ({ password }): Promise<FormState> => {
      const email = await resetPassword(await getDb(), token, password);
      if (email === null) {
        return { message: "This reset link has expired or was already used. Ask for a new one.", messageTone: "error", code: "expired" };
      }
      jar.set(RESET_COOKIE, "", { ...resetCookieOptions(), maxAge: 0 });
      await flash("Password changed — log in with your new password.", "success");
      // The account's own address: the reset link proved the person reads its mail.
      await keepAddress(email);
      redirect("/login");
    },
    { limit: "password-reset" },
  )(previous, formData);
}
