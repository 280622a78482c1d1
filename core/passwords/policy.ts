// NIST SP 800-63B: 8 to 128 Unicode code points, no composition rules, no trimming or
// normalisation (legacy hashes are of exactly what was typed). Browser-safe: the common-password
// check stays in ./common-passwords.ts (server only), out of client bundles.

import * as z from "zod/mini";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_TOO_SHORT_MESSAGE = "Use at least 8 characters.";
export const PASSWORD_TOO_LONG_MESSAGE = "Use at most 128 characters.";

/** Code points in `text`, as `[...text].length`, but stops counting past `limit`, so a huge input costs nothing to reject. */
export function codePointLength(text: string, limit = Number.POSITIVE_INFINITY): number {
  let count = 0;
  for (let i = 0; i < text.length && count <= limit; count += 1) {
    // A surrogate pair is one code point; a lone surrogate counts as one, as with [...text].
    i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  }
  return count;
}

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
