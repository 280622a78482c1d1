import "server-only";
import { z } from "zod";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/auth/common-passwords";
import { registerSchema } from "./schemas";

/** The registration schema plus the common-password list, which stays off the browser bundle. */
export const serverRegisterSchema = registerSchema.superRefine((value, ctx) => {
  if (isCommonPassword(value.password)) ctx.addIssue({ code: "custom", path: ["password"], message: COMMON_PASSWORD_MESSAGE });
});

export type ServerRegisterInput = z.output<typeof serverRegisterSchema>;
