import type { NextRequest } from "next/server";
import { PHOTO_ID_PATTERN, photoKey } from "@/core/photos/rules";
import { photoStore } from "@/core/photos/store";
import { getDb } from "@/infra/db";
import { errorFields, log } from "@/infra/log";
import { RETRY_AFTER_SECONDS } from "@/infra/server/http-rules";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// A photo's id is new for every upload, so what an address names never changes: cached for a year, unchecked.
const IMMUTABLE = "public, max-age=31536000, immutable";
const FILE_PATTERN = /^([1-9]\d{1,4})\.webp$/;

function notFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
}

/** GET /photos/<id>/<width>.webp: one stored size of a recipe photo. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string; file: string }> }): Promise<Response> {
  const { id, file } = await params;
  const width = FILE_PATTERN.exec(file)?.[1];
  if (!PHOTO_ID_PATTERN.test(id) || !width) return notFound();
  const key = photoKey(id, Number(width));
  try {
    const db = await getDb();
    const ifNoneMatch = request.headers.get("if-none-match");
    if (ifNoneMatch) {
      const etag = await photoStore.etag(db, key);
      if (etag === null) return notFound();
      if (ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
        return new Response(null, { status: 304, headers: { etag, "cache-control": IMMUTABLE } });
      }
    }
    const photo = await photoStore.get(db, key);
    if (!photo) return notFound();
    return new Response(new Uint8Array(photo.bytes), {
      headers: {
        "content-type": photo.contentType,
        "content-length": String(photo.bytes.byteLength),
        "cache-control": IMMUTABLE,
        etag: photo.etag,
        "x-content-type-options": "nosniff",
        // Never shown as a document of this site, even if asked to.
        "content-security-policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    // The database is away: a photo can wait, and must not be cached as missing.
    log.error("photo.read_failed", errorFields(error));
    return new Response("Service unavailable", {
      status: 503,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "retry-after": String(RETRY_AFTER_SECONDS) },
    });
  }
}
