import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password-policy";
import { cleanString } from "@/lib/forms/text";

/**
 * Form schemas shared by the browser (react-hook-form's zod resolver) and the server actions.
 * Browser-safe: the common-password list is added on the server (lib/accounts/server-schemas.ts).
 */

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "Use at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like name@example.com."))
  .transform((email) => email.toLowerCase());

export const registerSchema = z.object({
  name: cleanString("Enter your name.").pipe(z.string().min(1, "Enter your name.").max(100, "Use at most 100 characters.")),
  email: emailSchema,
  password: z.string({ error: "Choose a password." }).pipe(passwordSchema),
});

export const loginSchema = z.object({
  // Deliberately loose: any account, including one imported with an old password, can log in.
  email: z.string().trim().min(1, "Enter your email and password.").max(254, "Wrong email or password.").transform((e) => e.toLowerCase()),
  password: z.string().min(1, "Enter your email and password.").max(1024, "Wrong email or password."),
  callbackUrl: z.string().max(2048).optional(),
});

export const emailOnlySchema = z.object({ email: emailSchema });

export const newPasswordSchema = z.object({
  password: z.string({ error: "Choose a password." }).pipe(passwordSchema),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(1024, "Wrong password."),
  password: z.string({ error: "Choose a new password." }).pipe(passwordSchema),
});
