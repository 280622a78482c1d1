import { NextResponse, type NextRequest } from "next/server";
import { env, httpsEnforced, siteOrigin } from "@/infra/env";
import { PAGE_ALLOW_HEADER, PAGE_METHODS } from "@/infra/server/http-rules";

/** The host the person used. A client can send any value, so it is only compared with a post's Origin, never put into a URL. */
function requestHost(req: NextRequest): string {
  return (req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? "").split(",")[0]!.trim();
}

/** Over http at the proxy: redirect to https on siteOrigin, whatever host the request named. */
export function httpsRedirect(req: NextRequest): NextResponse | null {
  if (!httpsEnforced || req.headers.get("x-forwarded-proto") !== "http") return null;
  return NextResponse.redirect(`${siteOrigin}${req.nextUrl.pathname}${req.nextUrl.search}`, 301);
}

export const isRouteHandler = (req: NextRequest) => req.nextUrl.pathname.startsWith("/api/");

/** Pages answer GET, HEAD and POST (OPTIONS in Next); others would render the page or fail. TRACE is answered in Node (infra/server/http-guard.ts). */
export function methodNotAllowed(req: NextRequest): NextResponse | null {
  if ((PAGE_METHODS as readonly string[]).includes(req.method) || isRouteHandler(req)) return null;
  return new NextResponse("Method Not Allowed", {
    status: 405,
    headers: { allow: PAGE_ALLOW_HEADER, "content-type": "text/plain; charset=utf-8" },
  });
}

const CROSS_SITE_MESSAGE = "This form was sent from another site, so it was not accepted. Open the page on this site and try again.";

/** A plain 403 for a cross-site post, or a page post without Origin (browsers always send one), before Next's server-action check makes it a 500. */
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
