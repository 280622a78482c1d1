import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { env, isProduction } from "@/infra/env";
import { RETRY_AFTER_SECONDS } from "@/infra/server/http-rules";
import { createAvailability } from "@/web/availability";
import { retryHref, UNAVAILABLE_MESSAGE, unavailablePage } from "@/web/unavailable-page";

// Asked at APP_URL, never at the request's Host. Production only: `next dev` shows the real error
// (and its APP_URL often names another port).
const availability = isProduction ? createAvailability({ healthUrl: `${env.APP_URL}/api/health` }) : null;

/** 503 before rendering while the database is down (docs/decisions/0001-database-outage-503.md); a server action gets the text/plain line Next's client accepts. */
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
