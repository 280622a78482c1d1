import NextAuth from "next-auth";
import { NextRequest, NextResponse, type NextFetchEvent } from "next/server";
import { authConfig } from "@/auth.config";
import { createAvailability } from "@/lib/availability";
import { env, httpsEnforced, isProduction, siteOrigin } from "@/lib/env";
import { FLASH_COOKIE, FLASH_HEADER } from "@/lib/flash-cookie";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { PAGE_ALLOW_HEADER, PAGE_METHODS, SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/security/request-limits";
import { RETRY_AFTER_SECONDS, retryHref, TOO_LARGE_MESSAGE, tooLargePage, UNAVAILABLE_MESSAGE, unavailablePage } from "@/lib/unavailable-page";

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

const isRouteHandler = (req: NextRequest) => req.nextUrl.pathname.startsWith("/api/");

/**
 * Pages answer GET, HEAD and POST (and OPTIONS, which Next handles itself); anything else would
 * render the page (PUT) or fail. Route handlers under /api/ answer their own methods. TRACE never
 * gets here: the Fetch API cannot carry it, and lib/server/http-guard.ts answers it in Node.
 */
function methodNotAllowed(req: NextRequest): NextResponse | null {
  if ((PAGE_METHODS as readonly string[]).includes(req.method) || isRouteHandler(req)) return null;
  return new NextResponse("Method Not Allowed", { status: 405, headers: { allow: PAGE_ALLOW_HEADER, "content-type": "text/plain; charset=utf-8" } });
}

const CROSS_SITE_MESSAGE = "This form was sent from another site, so it was not accepted. Open the page on this site and try again.";

/**
 * A form post from another site's page is refused here with a plain 403, before Next's own
 * server-action origin check would turn it into a 500. So is a post to a page with no Origin at
 * all: every browser sends one with a POST, so such a post never comes from this site's forms
 * (scripts and tools must say where they come from). Route handlers under /api/ take posts
 * without one (Auth.js's own routes check their CSRF token).
 */
function crossSitePost(req: NextRequest): NextResponse | null {
  if (req.method !== "POST" || req.nextUrl.pathname.startsWith("/api/auth/")) return null;
  const origin = req.headers.get("origin");
  if (origin === null && isRouteHandler(req)) return null;
  const host = requestHost(req);
  let originHost = "null";
  try {
    if (origin !== null) originHost = new URL(origin).host;
  } catch {
    // "null" or garbage: not this site
  }
  if (originHost === host || env.SERVER_ACTIONS_ALLOWED_ORIGINS.includes(originHost)) return null;
  return new NextResponse(CROSS_SITE_MESSAGE, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Whether a page post carries more than a server action accepts, and the request to go on with.
 * Content-Length says so at once. A chunked body has none, so it is read here up to the limit;
 * Next keeps its own copy of the body for the page, but Auth.js builds a new request from this
 * one on the protected routes, which fails once its body has been read: under the limit, the
 * request goes on with the bytes read.
 */
async function checkBodySize(req: NextRequest): Promise<{ tooLarge: boolean; request: NextRequest }> {
  const declared = req.headers.get("content-length");
  if (declared !== null || !req.body) return { tooLarge: Number(declared) > SERVER_ACTION_BODY_LIMIT_BYTES, request: req };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > SERVER_ACTION_BODY_LIMIT_BYTES) {
      await reader.cancel();
      return { tooLarge: true, request: req };
    }
    chunks.push(value);
  }
  return { tooLarge: false, request: new NextRequest(req, { body: new Blob(chunks as BlobPart[]) }) };
}

/**
 * A post over the limit gets a 413 that says what to do, instead of Next's 500. A server action
 * gets it as one line of text/plain, which Next's client shows as the error's message; a form
 * posted without JavaScript gets a page with a link back to the form.
 */
function bodyTooLarge(req: NextRequest): NextResponse {
  const headers = { "cache-control": "no-store", "content-security-policy": freshPolicy() };
  if (req.headers.has("next-action")) {
    return new NextResponse(TOO_LARGE_MESSAGE, { status: 413, headers: { ...headers, "content-type": "text/plain" } });
  }
  const { pathname, search } = req.nextUrl;
  return new NextResponse(tooLargePage(retryHref(pathname, search)), { status: 413, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
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

/** A fresh nonce per request: Next reads it from the request's CSP header and puts it on its scripts. */
function freshPolicy(): string {
  return contentSecurityPolicy(btoa(crypto.randomUUID()), { development: !isProduction, upgradeInsecure: httpsEnforced, imageHosts: env.IMAGE_HOSTS });
}

/** Everything after the early checks; `signedIn` is known only on the protected routes. */
function answer(req: NextRequest, event: NextFetchEvent, signedIn: boolean): NextResponse {
  const csp = freshPolicy();
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
  const early = httpsRedirect(req) ?? methodNotAllowed(req) ?? crossSitePost(req);
  if (early) return early;
  let request = req;
  if (req.method === "POST" && !isRouteHandler(req)) {
    const checked = await checkBodySize(req);
    if (checked.tooLarge) return bodyTooLarge(req);
    request = checked.request;
  }
  if (PROTECTED.some((pattern) => pattern.test(request.nextUrl.pathname))) return withSession(request, event);
  return answer(request, event, false);
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
