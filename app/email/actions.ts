"use server";

import { redirect } from "next/navigation";
import { getUser } from "@/auth/user";
import { confirmEmailChange, undoEmailChange } from "@/core/accounts/email-change";
import { linkTokenSchema } from "@/core/accounts/schemas";
import { getDb } from "@/infra/db";
import { flash, keepAddress } from "@/web/flash/flash";
import type { FormState } from "@/web/forms/form-state";
import { validatedAction } from "@/web/forms/validated-action";

const takenState: FormState = {
  message: "That address belongs to another Pantry account now, so nothing was changed.",
  messageTone: "error",
  code: "taken",
};

const deadLinkState: FormState = { message: "This link has already been used or has expired.", messageTone: "error", code: "invalid" };

/** The link needs no session: it was mailed to the new address after the account's password was checked. */
export const confirmEmailChangeAction = validatedAction(
  linkTokenSchema,
  async ({ token }): Promise<FormState> => {
    const result = await confirmEmailChange(await getDb(), token);
    if (result.status === "taken") return takenState;
    if (result.status === "invalid") return deadLinkState;
    await flash(`Your address is now ${result.email}. Log in with it from now on.`, "success");
    // This browser's session, if any, reads the new address on its next request.
    if (await getUser()) redirect("/account");
    await keepAddress(result.email);
    redirect("/login");
  },
  { limit: "email-change" },
);

export const restoreEmailAction = validatedAction(
  linkTokenSchema,
  async ({ token }): Promise<FormState> => {
    const result = await undoEmailChange(await getDb(), token);
    if (result.status === "taken") return takenState;
    if (result.status === "invalid") return deadLinkState;
    await flash(
      `Your address ${result.email} is back, and every device signed in to the account is logged out. Whoever changed it may know your password: choose a new one with “Forgot your password?”.`,
      "success",
    );
    await keepAddress(result.email);
    redirect("/login");
  },
  { limit: "email-change" },
);
