import { NextResponse, type NextRequest } from "next/server";
import { env, httpsEnforced, siteOrigin } from "@/infra/env";
import { PAGE_ALLOW_HEADER, PAGE_METHODS } from "@/infra/server/http-rules";

/** The checks that answer before anything else: the https rule, the method, the origin of a post. */

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
export function httpsRedirect(req: NextRequest): NextResponse | null {
  if (!httpsEnforced || req.headers.get("x-forwarded-proto") !== "http") return null;
  return NextResponse.redirect(`${siteOrigin}${req.nextUrl.pathname}${req.nextUrl.search}`, 301);
}

export const isRouteHandler = (req: NextRequest) => req.nextUrl.pathname.startsWith("/api/");

/**
 * Pages answer GET, HEAD and POST (and OPTIONS, which Next handles itself); anything else would
 * render the page (PUT) or fail. Route handlers under /api/ answer their own methods. TRACE never
 * gets here: the Fetch API cannot carry it, and infra/server/http-guard.ts answers it in Node.
 */
export function methodNotAllowed(req: NextRequest): NextResponse | null {
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
export function crossSitePost(req: NextRequest): NextResponse | null {
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
