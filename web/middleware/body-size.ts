import { NextRequest, NextResponse } from "next/server";
import { bodyLimitFor, SERVER_ACTION_BODY_LIMIT_BYTES } from "@/infra/server/http-rules";
import { requestPolicy } from "@/web/middleware/nonce-policy";
import { PHOTO_TOO_LARGE_MESSAGE, retryHref, TOO_LARGE_MESSAGE, tooLargePage } from "@/web/unavailable-page";

/**
 * Whether a page post is over its route's limit (bodyLimitFor: 1 MB, the recipe form's photo 11 MB). A chunked body has no Content-Length, so it
 * is read here up to the limit and the request goes on with the bytes read: Auth.js rebuilds the
 * request on protected routes, which fails once its body has been read.
 */
export async function checkBodySize(req: NextRequest): Promise<{ tooLarge: boolean; request: NextRequest }> {
  const limit = bodyLimitFor(req.nextUrl.pathname);
  const declared = req.headers.get("content-length");
  if (declared !== null || !req.body) return { tooLarge: Number(declared) > limit, request: req };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { tooLarge: true, request: req };
    }
    chunks.push(value);
  }
  return { tooLarge: false, request: new NextRequest(req, { body: new Blob(chunks as BlobPart[]) }) };
}

/** A 413 that says what to do, instead of Next's 500: one text/plain line for a server action (Next's client shows it), a page for a form posted without JavaScript. */
export function bodyTooLarge(req: NextRequest): NextResponse {
  const headers = { "cache-control": "no-store", "content-security-policy": requestPolicy() };
  const message = bodyLimitFor(req.nextUrl.pathname) > SERVER_ACTION_BODY_LIMIT_BYTES ? PHOTO_TOO_LARGE_MESSAGE : TOO_LARGE_MESSAGE;
  if (req.headers.has("next-action")) {
    return new NextResponse(message, { status: 413, headers: { ...headers, "content-type": "text/plain" } });
  }
  const { pathname, search } = req.nextUrl;
  return new NextResponse(tooLargePage(retryHref(pathname, search), message), {
    status: 413,
    headers: { ...headers, "content-type": "text/html; charset=utf-8" },
  });
}
