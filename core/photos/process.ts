import "server-only";
import { createHash, randomBytes } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { createSlots } from "@/infra/slots";
import type { RecipePhoto } from "@/infra/db/schema";
import {
  ACCEPTED_FORMATS,
  MAX_ASPECT_RATIO,
  MAX_INPUT_PIXELS,
  MAX_PHOTO_BYTES,
  MAX_SIDE,
  MIN_SIDE,
  PHOTO_MESSAGES,
  WEBP_QUALITY,
  photoKey,
  widthsFor,
  type PhotoProblem,
} from "./rules";
import type { PhotoObject } from "./store";

export class PhotoRejected extends Error {
  override name = "PhotoRejected";
  constructor(readonly problem: PhotoProblem) {
    super(PHOTO_MESSAGES[problem]);
  }
}

export type ProcessedPhoto = { photo: RecipePhoto; objects: PhotoObject[] };

// sharp works on libuv's thread pool, off the event loop; one photo at a time per process keeps the
// other core for pages and password hashes while a large photo is decoded.
const slots = createSlots(1);
// A few decoded images cached between requests only hold memory on a server: no cache.
sharp.cache(false);

/** `failOn: "error"` refuses a broken file; a warning (a slightly truncated JPEG, say) does not. */
const decodeOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" } as const;

/**
 * Decodes an uploaded photo with sharp and re-encodes it as WebP at the stored widths: turned
 * upright from its EXIF orientation, with every piece of metadata (EXIF, GPS, XMP, ICC comments)
 * left out, never enlarged. Anything that is not a readable photo of sensible size is a
 * PhotoRejected with the message the form shows.
 */
export async function processPhoto(input: Uint8Array): Promise<ProcessedPhoto> {
  if (input.byteLength === 0) throw new PhotoRejected("empty");
  if (input.byteLength > MAX_PHOTO_BYTES) throw new PhotoRejected("tooBig");
  return slots.run(async () => {
    const { width, height } = await check(input);
    const id = randomBytes(16).toString("base64url");
    const widths = widthsFor(width);
    const objects: PhotoObject[] = [];
    let largest = { width, height };
    for (const target of widths) {
      const { data: bytes, info } = await sharp(input, decodeOptions)
        .autoOrient()
        .resize({ width: target, withoutEnlargement: true })
        .webp({ quality: WEBP_QUALITY })
        .toBuffer({ resolveWithObject: true })
        .catch(() => {
          throw new PhotoRejected("notImage");
        });
      objects.push({ key: photoKey(id, target), contentType: "image/webp", bytes, etag: etagOf(bytes) });
      largest = { width: info.width, height: info.height };
    }
    return { photo: { id, widths, ...largest }, objects };
  });
}

/** Reads the header only: format, and the size once turned upright. */
async function check(input: Uint8Array): Promise<{ width: number; height: number }> {
  let metadata: Metadata;
  try {
    // The header only: the pixel limit is checked below, with a message of its own.
    metadata = await sharp(input, { ...decodeOptions, limitInputPixels: false }).metadata();
  } catch {
    throw new PhotoRejected("notImage");
  }
  const format = metadata.format as string;
  if (format === "heif" && metadata.compression !== "av1") throw new PhotoRejected("heic");
  if (!(ACCEPTED_FORMATS as readonly string[]).includes(format)) throw new PhotoRejected("notImage");
  const { width, height } = metadata.autoOrient ?? metadata;
  if (!width || !height) throw new PhotoRejected("notImage");
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_INPUT_PIXELS) throw new PhotoRejected("tooManyPixels");
  if (width < MIN_SIDE || height < MIN_SIDE) throw new PhotoRejected("tooSmall");
  if (Math.max(width, height) / Math.min(width, height) > MAX_ASPECT_RATIO) throw new PhotoRejected("badShape");
  return { width, height };
}

export function etagOf(bytes: Uint8Array): string {
  return `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
}
