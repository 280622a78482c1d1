import "server-only";
import * as z from "zod/mini";
import { requireUser, type SessionUser } from "@/auth/user";
import { getDb, type Db } from "@/infra/db";
import { consumeRequest, type RequestKind } from "@/infra/rate-limits";
import { currentClient } from "@/web/client-ip";
import type { FormState } from "./form-state";

// zod/mini sets no locale: a forged post's issue without a message of ours would read "Invalid
// input". The server keeps zod's English messages, whatever module loads first.
z.config(z.locales.en());

const SECRET_FIELD = /password|token/i;
const MAX_ECHO_LENGTH = 5_000;

/** The text fields of a post; files and repeated keys of hostile posts are ignored. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const value = formData.get(key);
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

export function echoValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([key]) => !SECRET_FIELD.test(key))
      .map(([key, value]) => [key, value.slice(0, MAX_ECHO_LENGTH)]),
  );
}

export function minutesText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? "a minute" : `${minutes} minutes`;
}

export function rateLimitedState(retryAfterSeconds: number): FormState {
  return {
    message: `Too many attempts from your network. Please try again in ${minutesText(retryAfterSeconds)}.`,
    messageTone: "error",
    code: "rate-limited",
  };
}

export function firstFieldErrors(error: z.core.$ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Every form's server action: checked with the browser's zod schema; bad input comes back as field messages and changes nothing. With `limit`, every post first counts against the request ceiling. */
export function validatedAction<S extends z.ZodMiniType>(
  schema: S,
  action: (data: z.output<S>, formData: FormData) => Promise<FormState | void>,
  options: { limit?: RequestKind } = {},
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = formValues(formData);
    if (options.limit) {
      const limit = await consumeRequest(options.limit, await currentClient(), values.email?.trim().toLowerCase() || undefined);
      if (!limit.allowed) return { ...rateLimitedState(limit.retryAfterSeconds), values: echoValues(values) };
    }
    const parsed = await schema.safeParseAsync(values);
    if (!parsed.success) {
      return {
        fieldErrors: firstFieldErrors(parsed.error),
        values: echoValues(values),
        message: "Please correct the fields marked below.",
        messageTone: "error",
      };
    }
    const result = await action(parsed.data, formData);
    return { values: echoValues(values), ...result };
  };
}

/** For a signed-in user's form: the session is checked again here, whatever the middleware did; a visitor goes to the login page and back to `returnTo`. */
export function userAction<S extends z.ZodMiniType>(
  schema: S,
  returnTo: (formData: FormData) => string,
  action: (data: z.output<S>, context: { user: SessionUser; db: Db; formData: FormData }) => Promise<FormState | void>,
  options: { limit?: RequestKind } = {},
) {
  return validatedAction(
    schema,
    async (data, formData) => {
      const user = await requireUser(returnTo(formData));
      return action(data, { user, db: await getDb(), formData });
    },
    options,
  );
}
