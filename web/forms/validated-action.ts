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

/** The files of a post, checked on the server only (the browser's schema sees text fields): what they hold, or a message per field. */
export type FileCheck<F> = (formData: FormData) => Promise<{ files: F } | { fieldErrors: Record<string, string> }>;

type ActionOptions<F> = { limit?: RequestKind; checkFiles?: FileCheck<F> };

const FIELD_ERRORS_MESSAGE = "Please correct the fields marked below.";

/**
 * Every form's server action: checked with the browser's zod schema; bad input comes back as field messages and changes
 * nothing. With `limit`, every post first counts against the request ceiling. With `checkFiles`, the post's files are
 * checked once the text fields pass (reading an image costs more than any of them); a bad file is a field message too,
 * and the action does not run.
 */
export function validatedAction<S extends z.ZodMiniType, F = undefined>(
  schema: S,
  action: (data: z.output<S>, formData: FormData, files: F) => Promise<FormState | void>,
  options: ActionOptions<F> = {},
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
        message: FIELD_ERRORS_MESSAGE,
        messageTone: "error",
      };
    }
    const checked = options.checkFiles ? await options.checkFiles(formData) : { files: undefined as F };
    if ("fieldErrors" in checked) {
      return { fieldErrors: checked.fieldErrors, values: echoValues(values), message: FIELD_ERRORS_MESSAGE, messageTone: "error" };
    }
    const result = await action(parsed.data, formData, checked.files);
    return { values: echoValues(values), ...result };
  };
}

/** For a signed-in user's form: the session is checked again here, whatever the middleware did; a visitor goes to the login page and back to `returnTo`. */
export function userAction<S extends z.ZodMiniType, F = undefined>(
  schema: S,
  returnTo: (formData: FormData) => string,
  action: (data: z.output<S>, context: { user: SessionUser; db: Db; formData: FormData; files: F }) => Promise<FormState | void>,
  options: ActionOptions<F> = {},
) {
  const { checkFiles } = options;
  return validatedAction<S, F>(
    schema,
    async (data, formData, files) => {
      const user = await requireUser(returnTo(formData));
      return action(data, { user, db: await getDb(), formData, files });
    },
    {
      ...options,
      // A visitor's file is never read: the session is checked before the files are.
      checkFiles: checkFiles
        ? async (formData) => {
            await requireUser(returnTo(formData));
            return checkFiles(formData);
          }
        : undefined,
    },
  );
}
