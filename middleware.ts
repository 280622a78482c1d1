import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/auth/config";
import { siteOrigin } from "@/infra/env";
import { requestPolicy } from "@/web/middleware/nonce-policy";
import { bodyTooLarge, checkBodySize } from "@/web/middleware/body-size";
import { databaseUnavailable } from "@/web/middleware/database-gate";
import { handOverFlash } from "@/web/middleware/flash-handover";
import { crossSitePost, httpsRedirect, isRouteHandler, methodNotAllowed } from "@/web/middleware/request-checks";

// Kept on the Edge runtime (Next 16 deprecates middleware.ts for proxy.ts, which is Node-only), so
// it imports only the Edge-safe auth config.
const { auth } = NextAuth(authConfig);

const PROTECTED = [
  /^\/dashboard(\/|$)/,
  /^\/recipes\/new\/?$/,
  /^\/recipes\/[^/]+\/(edit|delete)\/?$/,
  /^\/account(\/|$)/,
  /^\/pantry(\/|$)/,
  /^\/saved(\/|$)/,
];
const isProtected = (req: NextRequest) => PROTECTED.some((pattern) => pattern.test(req.nextUrl.pathname));

/** Everything after the early checks; `signedIn` is known only on the protected routes. */
function answer(req: NextRequest, event: NextFetchEvent, signedIn: boolean): NextResponse {
  const csp = requestPolicy();
  const unavailable = databaseUnavailable(req, event, csp);
  if (unavailable) return unavailable;

  // Pages check the session again themselves; this only spares a visitor a useless render.
  if (!signedIn && isProtected(req)) {
    // Next's middleware adapter cannot take a relative Location; it shortens this one itself when
    // APP_URL is the address the server is bound to.
    const login = new URL("/login", siteOrigin);
    login.search = new URLSearchParams({ callbackUrl: `${req.nextUrl.pathname}${req.nextUrl.search}` }).toString();
    return NextResponse.redirect(login);
  }

  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const clearFlash = handOverFlash(req, requestHeaders);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  clearFlash(response);
  return response;
}

// The event's type picks Auth.js's middleware overload (the route-handler one would come first).
const withSession = auth((req, event: NextFetchEvent) => answer(req, event, Boolean(req.auth)));

// Auth.js runs only on the protected routes: elsewhere it would mint a CSRF token and write cookies, a page's largest
// cost (bench/results.md). The session's lifetime is fixed at login, so skipping Auth.js's cookie refresh changes nothing.
export default async function middleware(req: NextRequest, event: NextFetchEvent) {
  const early = httpsRedirect(req) ?? methodNotAllowed(req) ?? crossSitePost(req);
  if (early) return early;
  let request = req;
  if (req.method === "POST" && !isRouteHandler(req)) {
    const checked = await checkBodySize(req);
    if (checked.tooLarge) return bodyTooLarge(req);
    request = checked.request;
  }
  return isProtected(request) ? withSession(request, event) : answer(request, event, false);
}

// Everything but real static files (build assets, the image optimiser, app/icon.svg), recipe photos and the health
// check. A path that only looks like a file ("/recipes/1.js", "/favicon.ico") is a page or a 404 page, with the CSP.
// Photos are many small GETs that need none of this: no session, no nonce, no body; their route answers 503 itself
// while the database is away. They are linked by relative addresses from pages that the https rule has already moved
// to https (and HSTS keeps there). /api/health is JSON for monitors and load balancers, which may probe it over plain
// http inside the platform: it must stay cheap and answer there, not redirect (bench/results.md, "Login cost").
export const config = {
  matcher: ["/((?!_next/static/|_next/image|icon\\.svg$|photos/|api/health$).*)"],
};
