import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/auth.config";
import { httpsEnforced } from "@/lib/env";
import { FLASH_COOKIE, FLASH_HEADER } from "@/lib/flash-cookie";

/**
 * Runs on the Edge runtime (Next 16 calls this file convention deprecated in favour of proxy.ts,
 * which is Node-only; we keep the Edge on purpose). Imports only the edge-safe auth config.
 */
const { auth } = NextAuth(authConfig);

const PROTECTED = [/^\/dashboard(\/|$)/, /^\/recipes\/new\/?$/, /^\/recipes\/[^/]+\/(edit|delete)\/?$/, /^\/account(\/|$)/];
const HOST_PATTERN = /^[a-z0-9.-]+(:\d{1,5})?$/i;

/** The original app's Heroku rule: a request that reached the proxy over http goes to https. */
function httpsRedirect(req: NextRequest): NextResponse | null {
  if (!httpsEnforced || req.headers.get("x-forwarded-proto") !== "http") return null;
  // The host the person typed, as the proxy saw it; not this server's own name.
  const host = (req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? "").split(",")[0]!.trim();
  if (!HOST_PATTERN.test(host)) return new NextResponse("Bad Request", { status: 400 });
  return NextResponse.redirect(`https://${host}${req.nextUrl.pathname}${req.nextUrl.search}`, 301);
}

/** A full page load takes the flash cookie away and hands its value to the page being rendered. */
function isDocumentRequest(req: NextRequest): boolean {
  return (
    req.method === "GET" &&
    !req.headers.has("rsc") &&
    !req.headers.has("next-router-prefetch") &&
    req.headers.get("purpose") !== "prefetch" &&
    req.headers.get("sec-purpose")?.includes("prefetch") !== true
  );
}

export default auth((req) => {
  const redirect = httpsRedirect(req);
  if (redirect) return redirect;

  const { pathname, search } = req.nextUrl;
  // Pages check the session again themselves; this only spares a visitor a useless render.
  if (!req.auth && PROTECTED.some((pattern) => pattern.test(pathname))) {
    const login = new URL("/login", req.nextUrl);
    login.search = new URLSearchParams({ callbackUrl: `${pathname}${search}` }).toString();
    return NextResponse.redirect(login);
  }

  const requestHeaders = new Headers(req.headers);
  requestHeaders.delete(FLASH_HEADER);
  const flash = req.cookies.get(FLASH_COOKIE)?.value;
  if (flash && isDocumentRequest(req)) {
    requestHeaders.set(FLASH_HEADER, flash);
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.cookies.delete(FLASH_COOKIE);
    return response;
  }
  return NextResponse.next({ request: { headers: requestHeaders } });
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|jpg|jpeg|svg|webp|ico|css|js)$).*)"],
};
