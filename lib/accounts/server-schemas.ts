import "server-only";
import { z } from "zod";
import { serverPasswordSchema } from "@/lib/auth/common-passwords";
import { changePasswordSchema, newPasswordSchema, registerSchema } from "./schemas";

// The shared schemas with the server's password rule (length plus the common-password list,
// which stays off the browser bundle) in place of the browser's length-only one.
const serverPassword = { password: z.string({ error: "Choose a password." }).pipe(serverPasswordSchema) };

export const serverRegisterSchema = registerSchema.extend(serverPassword);
export const serverNewPasswordSchema = newPasswordSchema.extend(serverPassword);
export const serverChangePasswordSchema = changePasswordSchema.extend(serverPassword);

export type ServerRegisterInput = z.output<typeof serverRegisterSchema>;
