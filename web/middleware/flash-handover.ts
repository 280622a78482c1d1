import type { NextRequest, NextResponse } from "next/server";
import { isProduction } from "@/infra/env";
import { HANDED_OVER } from "@/web/flash/cookie";

function isDocumentRequest(req: NextRequest): boolean {
  return (
    req.method === "GET" &&
    !req.headers.has("rsc") &&
    !req.headers.has("next-router-prefetch") &&
    req.headers.get("purpose") !== "prefetch" &&
    req.headers.get("sec-purpose")?.includes("prefetch") !== true
  );
}

/** On a full page load the flash and kept-address cookies move into request headers for the page and are cleared; other requests only lose headers a client may have forged. */
export function handOverFlash(req: NextRequest, requestHeaders: Headers): (response: NextResponse) => void {
  for (const { header } of HANDED_OVER) requestHeaders.delete(header);
  if (!isDocumentRequest(req)) return () => {};
  const present = HANDED_OVER.filter(({ cookie }) => req.cookies.get(cookie)?.value);
  for (const { cookie, header } of present) requestHeaders.set(header, req.cookies.get(cookie)!.value);
  // Same attributes as when they were set: a __Host- cookie is only replaced by a Secure one.
  return (response) => {
    for (const { cookie } of present) response.cookies.set(cookie, "", { path: "/", maxAge: 0, secure: isProduction, sameSite: "lax" });
  };
}
