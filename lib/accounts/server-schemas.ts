import "server-only";
import { z } from "zod";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/auth/common-passwords";
import { changePasswordSchema, newPasswordSchema, registerSchema } from "./schemas";

const refuseCommonPassword = (value: { password: string }, ctx: z.RefinementCtx) => {
  if (isCommonPassword(value.password)) ctx.addIssue({ code: "custom", path: ["password"], message: COMMON_PASSWORD_MESSAGE });
};

/** The shared schemas plus the common-password list, which stays off the browser bundle. */
export const serverRegisterSchema = registerSchema.superRefine(refuseCommonPassword);
export const serverNewPasswordSchema = newPasswordSchema.superRefine(refuseCommonPassword);
export const serverChangePasswordSchema = changePasswordSchema.superRefine(refuseCommonPassword);

export type ServerRegisterInput = z.output<typeof serverRegisterSchema>;
