"use server";

import { redirect } from "next/navigation";
import { registerAccount } from "@/core/accounts/register";
import { serverRegisterSchema } from "@/core/accounts/server-schemas";
import { getDb } from "@/infra/db";
import { flash, keepAddress } from "@/web/flash/flash";
import { validatedAction } from "@/web/forms/validated-action";

const MAIL_FAILED =
  "We could not send the confirmation mail just now. Your details are saved: ask for the link again below in a few minutes.";

export const registerAction = validatedAction(
  serverRegisterSchema,
  async (input) => {
    const mail = await registerAccount(await getDb(), input);
    // The same words whether or not the address already had an account.
    if (!mail.sent) {
      await flash(MAIL_FAILED, "error");
      await keepAddress(input.email);
      redirect("/activate/resend");
    }
    await flash(`Check your inbox: we sent a mail to ${input.email} to confirm your address.`, "success");
    redirect("/");
  },
  { limit: "register" },
);
