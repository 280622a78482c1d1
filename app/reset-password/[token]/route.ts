import { NextResponse, type NextRequest } from "next/server";
import { RESET_COOKIE, resetCookieOptions } from "@/web/reset-cookie";
import { looksLikeToken } from "@/core/accounts/tokens";

/** Changes nothing: the token moves into an HttpOnly cookie, so it leaves the address bar and history at once and never goes out as a Referer. */
export function GET(_request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  return params.then(({ token }) => {
    // A relative Location: request.nextUrl names the address Next is bound to, not the site.
    const response = new NextResponse(null, {
      status: 303,
      headers: { Location: "/reset-password", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" },
    });
    if (looksLikeToken(token)) response.cookies.set(RESET_COOKIE, token, resetCookieOptions());
    return response;
  });
}
