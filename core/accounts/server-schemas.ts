import "server-only";
import * as z from "zod/mini";
import { serverPasswordSchema } from "@/core/passwords/common-passwords";
import { changePasswordSchema, newPasswordSchema, registerSchema } from "./schemas";

// The shared schemas with the server's password rule (length plus the common-password list,
// which stays off the browser bundle) in place of the browser's length-only one.
const serverPassword = { password: z.pipe(z.string({ error: "Choose a password." }), serverPasswordSchema) };

export const serverRegisterSchema = z.extend(registerSchema, serverPassword);
export const serverNewPasswordSchema = z.extend(newPasswordSchema, serverPassword);
export const serverChangePasswordSchema = z.extend(changePasswordSchema, serverPassword);

export type ServerRegisterInput = z.output<typeof serverRegisterSchema>;
