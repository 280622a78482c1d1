// Server only: ~490 kB of JSON, @zxcvbn-ts/language-common's 49,233 common passwords (lower case),
// imported from its plain JSON, not the package index, which also pulls in the diceware list and
// keyboard graphs.

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

export function isCommonPassword(password: string): boolean {
  return getCommonPasswordSet().has(password.toLowerCase());
}

export function commonPasswordCount(): number {
  return getCommonPasswordSet().size;
}

/** The length rules, then the common-password check, reported only once the length is fine (one message for a short common password). */
export const serverPasswordSchema = passwordSchema.check(
  z.refine((value) => !hasAllowedPasswordLength(value) || !isCommonPassword(value), {
    message: COMMON_PASSWORD_MESSAGE,
  }),
);
