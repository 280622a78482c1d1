import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/auth.config";
import { createAvailability } from "@/lib/availability";
import { env, httpsEnforced, isProduction, siteOrigin } from "@/lib/env";
import { FLASH_COOKIE, FLASH_HEADER } from "@/lib/flash-cookie";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { RETRY_AFTER_SECONDS, retryHref, UNAVAILABLE_MESSAGE, unavailablePage } from "@/lib/unavailable-page";

/**
 * Runs on the Edge runtime (Next 16 calls this file convention deprecated in favour of proxy.ts,
 * which is Node-only; we keep the Edge on purpose). Imports only the edge-safe auth config.
 */
const { auth } = NextAuth(authConfig);

/**
 * The database as last seen through /api/health (lib/availability.ts), asked at the configured
 * APP_URL, never at the request's Host. Production only: `next dev` keeps showing the real error
 * (and its APP_URL often names another port than the one `next dev` was given).
 */
const availability = isProduction ? createAvailability({ healthUrl: `${env.APP_URL}/api/health` }) : null;

const PROTECTED = [/^\/dashboard(\/|$)/, /^\/recipes\/new\/?$/, /^\/recipes\/[^/]+\/(edit|delete)\/?$/, /^\/account(\/|$)/];
/**
 * The host the person used, as the proxy saw it; not this server's own name. Only compared with a
 * post's Origin (the browser sends both for the page it is on), never put into a URL: a client
 * can send any value here.
 */
function requestHost(req: NextRequest): string {
  return (req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? "").split(",")[0]!.trim();
}

/**
 * The original app's Heroku rule: a request that reached the proxy over http goes to https, on
 * the configured site (siteOrigin), whatever Host or X-Forwarded-Host the request named.
 */
function httpsRedirect(req: NextRequest): NextResponse | null {
  if (!httpsEnforced || req.headers.get("x-forwarded-proto") !== "http") return null;
  return NextResponse.redirect(`${siteOrigin}${req.nextUrl.pathname}${req.nextUrl.search}`, 301);
}

/**
 * A form post from another site's page (or from an origin-less context) is refused here with a
 * plain 403, before Next's own server-action origin check would turn it into a 500.
 */
function crossSitePost(req: NextRequest): NextResponse | null {
  if (req.method !== "POST" || req.nextUrl.pathname.startsWith("/api/auth/")) return null;
  const origin = req.headers.get("origin");
  if (origin === null) return null;
  const host = requestHost(req);
  let originHost = "null";
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" or garbage: not this site
  }
  if (originHost === host || env.SERVER_ACTIONS_ALLOWED_ORIGINS.includes(originHost)) return null;
  return new NextResponse("This form was sent from another site, so it was not accepted. Open the page on this site and try again.", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

/**
 * While the health route says the database is down, a page would only fail (a 500, which a page
 * cannot turn into a 503 itself): answer 503 here instead, before rendering. Route handlers
 * (/api/*: health itself, Auth.js) answer for themselves. A server action gets a one-line
 * text/plain 503, the form of error answer Next's client accepts; a form posted without
 * JavaScript gets the page, like a GET. Anything but an explicit "down" lets the request through.
 */
function databaseUnavailable(req: NextRequest, event: NextFetchEvent, csp: string): NextResponse | null {
  if (!availability) return null;
  const { pathname, search } = req.nextUrl;
  if (pathname.startsWith("/api/") || pathname.startsWith("/_next/")) return null;
  const { state, refresh } = availability.current();
  if (refresh) event.waitUntil(refresh);
  if (state !== "down") return null;

  const headers = { "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store", "content-security-policy": csp };
  if (req.method === "POST" && req.headers.has("next-action")) {
    // Exactly "text/plain": only then does Next's client use the body as the error's message.
    return new NextResponse(UNAVAILABLE_MESSAGE, { status: 503, headers: { ...headers, "content-type": "text/plain" } });
  }
  const body = req.method === "HEAD" ? null : unavailablePage(retryHref(pathname, search));
  return new NextResponse(body, { status: 503, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
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

/** Everything after the early checks; `signedIn` is known only on the protected routes. */
function answer(req: NextRequest, event: NextFetchEvent, signedIn: boolean): NextResponse {
  // A fresh nonce per request: Next reads it from the request's CSP header and puts it on its scripts.
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, { development: !isProduction, upgradeInsecure: httpsEnforced });

  const unavailable = databaseUnavailable(req, event, csp);
  if (unavailable) return unavailable;

  const { pathname, search } = req.nextUrl;
  // Pages check the session again themselves; this only spares a visitor a useless render.
  if (!signedIn && PROTECTED.some((pattern) => pattern.test(pathname))) {
    // Next's middleware adapter cannot take a relative Location; it shortens this one itself when
    // APP_URL is the address the server is bound to.
    const login = new URL("/login", siteOrigin);
    login.search = new URLSearchParams({ callbackUrl: `${pathname}${search}` }).toString();
    return NextResponse.redirect(login);
  }

  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.delete(FLASH_HEADER);
  const flash = req.cookies.get(FLASH_COOKIE)?.value;
  const handOverFlash = Boolean(flash) && isDocumentRequest(req);
  if (handOverFlash) requestHeaders.set(FLASH_HEADER, flash!);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // Same attributes as when it was set: a __Host- cookie is only replaced by a Secure one.
  if (handOverFlash) response.cookies.set(FLASH_COOKIE, "", { path: "/", maxAge: 0, secure: isProduction, sameSite: "lax" });
  return response;
}

// The event's type picks Auth.js's middleware overload (the route-handler one would come first).
const withSession = auth((req, event: NextFetchEvent) => answer(req, event, Boolean(req.auth)));

/**
 * Auth.js reads the session only where the answer depends on it (the protected routes): on every
 * other request it would also mint a CSRF token and write cookies, which made this middleware the
 * largest cost of a page (bench/results.md). The session's lifetime is the user_sessions row's,
 * fixed at login, so skipping Auth.js's cookie refresh elsewhere changes nothing.
 */
export default async function middleware(req: NextRequest, event: NextFetchEvent) {
  const early = httpsRedirect(req) ?? crossSitePost(req);
  if (early) return early;
  if (PROTECTED.some((pattern) => pattern.test(req.nextUrl.pathname))) return withSession(req, event);
  return answer(req, event, false);
}

/**
 * Everything but the real static files: the build's assets, the image optimiser and the one
 * metadata file app/ has (app/icon.svg). A path that only ends like a file ("/activate/abc.css",
 * "/recipes/1.js", "/favicon.ico", which does not exist) is a page or a 404 page, and gets the CSP
 * and the rest like any other page.
 */
export const config = {
  matcher: ["/((?!_next/static/|_next/image|icon\\.svg$).*)"],
};
