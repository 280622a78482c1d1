// Common-password blocklist (server only: the list is ~490 kB of JSON).
//
// Source: @zxcvbn-ts/language-common (pinned), its "passwords-common" dictionary:
// 49,233 passwords ranked by frequency, all lower case. Only that list is imported,
// from the package's plain JSON (src/passwords.json), not the package index, which
// would also pull in the diceware list and keyboard adjacency graphs.

import "server-only";
import commonPasswords from "@zxcvbn-ts/language-common/src/passwords.json";
import * as z from "zod/mini";
import { hasAllowedPasswordLength, passwordSchema } from "./policy";

export const COMMON_PASSWORD_MESSAGE = "This password is too common. Choose one that is harder to guess.";

let commonPasswordSet: ReadonlySet<string> | undefined;

function getCommonPasswordSet(): ReadonlySet<string> {
  commonPasswordSet ??= new Set(commonPasswords.map((entry) => entry.toLowerCase()));
  return commonPasswordSet;
}

/** True when the password is on the common-password list, ignoring case. */
export function isCommonPassword(password: string): boolean {
  return getCommonPasswordSet().has(password.toLowerCase());
}

/** Number of distinct (case-folded) passwords on the list. */
export function commonPasswordCount(): number {
  return getCommonPasswordSet().size;
}

/**
 * Server-side new-password schema: the browser-safe length rules plus the
 * common-password check (only reported once the length is fine, so a short common
 * password gets one message). Use it in server actions for registration / password change.
 */
export const serverPasswordSchema = passwordSchema.check(
  z.refine((value) => !hasAllowedPasswordLength(value) || !isCommonPassword(value), {
    message: COMMON_PASSWORD_MESSAGE,
  }),
);
