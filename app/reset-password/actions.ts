"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { resetPassword } from "@/core/accounts/password-reset";
import { serverNewPasswordSchema } from "@/core/accounts/server-schemas";
import { getDb } from "@/infra/db";
import { flash } from "@/web/flash/flash";
import type { FormState } from "@/web/forms/form-state";
import { validatedAction } from "@/web/forms/validated-action";
import { RESET_COOKIE, resetCookieOptions } from "@/web/reset-cookie";

export async function resetPasswordAction(previous: FormState, formData: FormData): Promise<FormState> {
  const jar = await cookies();
  const token = jar.get(RESET_COOKIE)?.value ?? "";
  return validatedAction(
    serverNewPasswordSchema,
    async ({ password }): Promise<FormState> => {
      if (!(await resetPassword(await getDb(), token, password))) {
        return { message: "This reset link has expired or was already used. Ask for a new one.", messageTone: "error", code: "expired" };
      }
      jar.set(RESET_COOKIE, "", { ...resetCookieOptions(), maxAge: 0 });
      await flash("Password changed — log in with your new password.", "success");
      redirect("/login");
    },
    { limit: "password-reset" },
  )(previous, formData);
}
