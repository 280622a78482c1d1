"use server";

import { requestPasswordReset } from "@/core/accounts/password-reset";
import { emailOnlySchema } from "@/core/accounts/schemas";
import { getDb } from "@/infra/db";
import type { FormState } from "@/web/forms/form-state";
import { inBackground } from "@/web/forms/in-background";
import { validatedAction } from "@/web/forms/validated-action";

export const forgotPasswordAction = validatedAction(
  emailOnlySchema,
  async ({ email }): Promise<FormState> => {
    inBackground("password_reset.request_failed", async () => requestPasswordReset(await getDb(), email));
    return {
      message: `If an account uses ${email}, we sent it a link to choose a new password. The link works for one hour.`,
      messageTone: "success",
    };
  },
  { limit: "password-reset" },
);
