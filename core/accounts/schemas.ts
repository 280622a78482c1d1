import * as z from "zod/mini";
import { passwordSchema } from "@/core/passwords/policy";
import { cleanString } from "@/core/text";

// Shared by the browser (react-hook-form's resolver) and the server actions; the common-password
// check is added on the server (./server-schemas.ts). zod/mini, so the browser bundle keeps only
// the parts used (classic zod cost the form pages ~45 kB gzip); same checks and messages.

const lowerCase = z.transform((text: string) => text.toLowerCase());

export const emailSchema = z.pipe(
  z.pipe(
    z
      .string({ error: "Enter your email address." })
      .check(z.trim(), z.minLength(1, "Enter your email address."), z.maxLength(254, "Use at most 254 characters.")),
    z.email("Enter a valid email address, like name@example.com."),
  ),
  lowerCase,
);

const nameSchema = z.pipe(
  cleanString("Enter your name."),
  z.string().check(z.minLength(1, "Enter your name."), z.maxLength(100, "Use at most 100 characters.")),
);

const currentPasswordSchema = z
  .string({ error: "Enter your current password." })
  .check(z.minLength(1, "Enter your current password."), z.maxLength(1024, "Wrong password."));

export const registerSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: z.pipe(z.string({ error: "Choose a password." }), passwordSchema),
});

export const loginSchema = z.object({
  // Deliberately loose: any account, including one imported with an old password, can log in.
  email: z.pipe(
    z.pipe(
      cleanString("Enter your email and password."),
      z.string().check(z.minLength(1, "Enter your email and password."), z.maxLength(254, "Wrong email or password.")),
    ),
    lowerCase,
  ),
  password: z.string().check(z.minLength(1, "Enter your email and password."), z.maxLength(1024, "Wrong email or password.")),
  callbackUrl: z.optional(z.string().check(z.maxLength(2048))),
});

export const emailOnlySchema = z.object({ email: emailSchema });

export const newPasswordSchema = z.object({
  password: z.pipe(z.string({ error: "Choose a password." }), passwordSchema),
});

export const changeNameSchema = z.object({ name: nameSchema });

export const changeEmailSchema = z.object({
  email: z.pipe(
    z.pipe(
      z
        .string({ error: "Enter your new email address." })
        .check(z.trim(), z.minLength(1, "Enter your new email address."), z.maxLength(254, "Use at most 254 characters.")),
      z.email("Enter a valid email address, like name@example.com."),
    ),
    lowerCase,
  ),
  currentPassword: currentPasswordSchema,
});

export const deleteAccountSchema = z.object({
  currentPassword: currentPasswordSchema,
  // A checkbox: absent from the post unless ticked.
  confirm: z.literal("yes", { error: "Tick the box to confirm that everything is deleted for good." }),
});

export const changePasswordSchema = z.object({
  currentPassword: currentPasswordSchema,
  password: z.pipe(z.string({ error: "Choose a new password." }), passwordSchema),
});

/** The token of a mailed link, posted back by its page's button. */
export const linkTokenSchema = z.object({
  token: z.string({ error: "This link does not work." }).check(z.maxLength(256, "This link does not work.")),
});
