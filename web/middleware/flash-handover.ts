import type { NextRequest, NextResponse } from "next/server";
import { isProduction } from "@/infra/env";
import { FLASH_COOKIE, FLASH_HEADER } from "@/web/flash/cookie";

function isDocumentRequest(req: NextRequest): boolean {
  return (
    req.method === "GET" &&
    !req.headers.has("rsc") &&
    !req.headers.has("next-router-prefetch") &&
    req.headers.get("purpose") !== "prefetch" &&
    req.headers.get("sec-purpose")?.includes("prefetch") !== true
  );
}

/** On a full page load the flash cookie moves into a request header for the page and is cleared; other requests only lose a header a client may have forged. */
export function handOverFlash(req: NextRequest, requestHeaders: Headers): (response: NextResponse) => void {
  requestHeaders.delete(FLASH_HEADER);
  const flash = req.cookies.get(FLASH_COOKIE)?.value;
  if (!flash || !isDocumentRequest(req)) return () => {};
  requestHeaders.set(FLASH_HEADER, flash);
  // Same attributes as when it was set: a __Host- cookie is only replaced by a Secure one.
  return (response) => response.cookies.set(FLASH_COOKIE, "", { path: "/", maxAge: 0, secure: isProduction, sameSite: "lax" });
}
