import { isProduction } from "@/infra/env";

/** Holds the reset link's token (app/reset-password/[token]), so the form's page carries no secret in its address, history or Referer. */
export const RESET_COOKIE = isProduction ? "__Secure-pantry_reset" : "pantry_reset";

export function resetCookieOptions() {
  return { httpOnly: true, secure: isProduction, sameSite: "lax" as const, path: "/reset-password", maxAge: 60 * 60 };
}
