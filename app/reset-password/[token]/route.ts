import { NextResponse, type NextRequest } from "next/server";
import { RESET_COOKIE, resetCookieOptions } from "@/lib/accounts/reset-cookie";
import { looksLikeToken } from "@/lib/auth/tokens";

/**
 * The mailed link. It changes nothing: the token moves into an HttpOnly cookie and the browser
 * goes on to /reset-password, so the token leaves the address bar and history at once and is
 * never sent on as a Referer (this response also says no-referrer).
 */
export function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  return params.then(({ token }) => {
    const response = NextResponse.redirect(new URL("/reset-password", request.nextUrl), 303);
    response.headers.set("Referrer-Policy", "no-referrer");
    response.headers.set("Cache-Control", "no-store");
    if (looksLikeToken(token)) response.cookies.set(RESET_COOKIE, token, resetCookieOptions());
    return response;
  });
}
