import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { env, isProduction } from "@/infra/env";
import { RETRY_AFTER_SECONDS } from "@/infra/server/http-rules";
import { createAvailability } from "@/web/availability";
import { retryHref, UNAVAILABLE_MESSAGE, unavailablePage } from "@/web/unavailable-page";

/**
 * The database as last seen through /api/health (web/availability.ts), asked at the configured
 * APP_URL, never at the request's Host. Production only: `next dev` keeps showing the real error
 * (and its APP_URL often names another port than the one `next dev` was given).
 */
const availability = isProduction ? createAvailability({ healthUrl: `${env.APP_URL}/api/health` }) : null;

/**
 * While the health route says the database is down, a page would only fail (a 500, which a page
 * cannot turn into a 503 itself): answer 503 here instead, before rendering. Route handlers
 * (/api/*: health itself, Auth.js) answer for themselves. A server action gets a one-line
 * text/plain 503, the form of error answer Next's client accepts; a form posted without
 * JavaScript gets the page, like a GET. Anything but an explicit "down" lets the request through.
 */
export function databaseUnavailable(req: NextRequest, event: NextFetchEvent, csp: string): NextResponse | null {
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
