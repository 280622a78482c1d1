import { isProduction } from "@/infra/env";

/**
 * The reset link's token moves from the URL into this cookie at once (app/reset-password/[token]),
 * so the page with the form carries no secret in its address, history or Referer.
 */
export const RESET_COOKIE = isProduction ? "__Secure-pantry_reset" : "pantry_reset";

export function resetCookieOptions() {
  return { httpOnly: true, secure: isProduction, sameSite: "lax" as const, path: "/reset-password", maxAge: 60 * 60 };
}
