// Password policy (NIST SP 800-63B), browser-safe layer.
//
// Length only: 8 to 128 characters counted in Unicode code points, any characters,
// no composition rules. No trimming or normalisation: legacy hashes were made from
// the raw UTF-8 of exactly what the user typed.
//
// The common-password check lives in ./common-passwords.ts (server only) so that
// this file stays small enough for client bundles. Keep it free of that import.
// Written with zod/mini, like every schema the browser loads (see core/accounts/schemas.ts).

import * as z from "zod/mini";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_TOO_SHORT_MESSAGE = "Use at least 8 characters.";
export const PASSWORD_TOO_LONG_MESSAGE = "Use at most 128 characters.";

/**
 * Number of Unicode code points in `text` (same as `[...text].length`), but stops
 * counting past `limit` so that a huge input costs nothing to reject.
 */
export function codePointLength(text: string, limit = Number.POSITIVE_INFINITY): number {
  let count = 0;
  for (let i = 0; i < text.length && count <= limit; count += 1) {
    // A surrogate pair is one code point; a lone surrogate counts as one, as with [...text].
    i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  }
  return count;
}

/** True when `password` has an allowed length (8 to 128 code points). */
export function hasAllowedPasswordLength(password: string): boolean {
  const length = codePointLength(password, PASSWORD_MAX_LENGTH);
  return length >= PASSWORD_MIN_LENGTH && length <= PASSWORD_MAX_LENGTH;
}

export const passwordSchema = z.string().check(
  z.refine((value) => codePointLength(value, PASSWORD_MIN_LENGTH) >= PASSWORD_MIN_LENGTH, {
    message: PASSWORD_TOO_SHORT_MESSAGE,
  }),
  z.refine((value) => codePointLength(value, PASSWORD_MAX_LENGTH) <= PASSWORD_MAX_LENGTH, {
    message: PASSWORD_TOO_LONG_MESSAGE,
  }),
);
