// What a recipe photo may be, and what is kept of it. No "server-only" and no sharp here: the form
// reads the accepted types and the size cap too.

/** The file types the form offers; the server goes by the decoded content, never by the name or the type sent. */
export const PHOTO_ACCEPT = "image/jpeg,image/png,image/webp,image/avif";

/** Formats as sharp's metadata names them; "heif" only with AV1 compression (AVIF): the prebuilt libvips has no HEVC decoder, so HEIC is refused. */
export const ACCEPTED_FORMATS = ["jpeg", "png", "webp", "heif"] as const;

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** Decoding more pixels than this is refused before any is decoded (sharp's limitInputPixels): a small file can claim a huge image. */
export const MAX_INPUT_PIXELS = 40_000_000;
export const MAX_SIDE = 10_000;
export const MIN_SIDE = 200;
/** Wider or taller than 3 : 1 is a banner, not a dish, and would be a sliver on a card. */
export const MAX_ASPECT_RATIO = 3;

/** The widths stored (WebP); a photo narrower than one is not upscaled to it: its own width is stored instead. */
export const OUTPUT_WIDTHS = [400, 800, 1600] as const;
export const WEBP_QUALITY = 80;

export const PHOTO_MESSAGES = {
  tooBig: "The photo is larger than 10 MB: choose a smaller file.",
  empty: "The chosen file is empty: choose a photo.",
  notImage: "This file is not a photo we can read: choose a JPEG, PNG, WebP or AVIF image.",
  heic: "HEIC photos cannot be read here yet: save or export the photo as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible) and upload that.",
  tooManyPixels: "The photo has too many pixels (at most 40 megapixels and 10,000 pixels a side): choose a smaller one.",
  tooSmall: "The photo is too small: use one at least 200 pixels wide and tall.",
  badShape: "The photo is too long and thin: use one at most three times as wide as it is tall, or as tall as it is wide.",
} as const;

export type PhotoProblem = keyof typeof PHOTO_MESSAGES;

/** The widths to store for a photo `width` pixels wide: every output width it reaches, or its own width when it reaches none. */
export function widthsFor(width: number): number[] {
  const widths = OUTPUT_WIDTHS.filter((output) => output <= width);
  return widths.length > 0 ? widths : [width];
}

/** A photo's stored object key: its id and width. The id is new for every upload, so an address never changes content. */
export function photoKey(photoId: string, width: number): string {
  return `${photoId}/${width}.webp`;
}

/** The address that serves one size of a photo (app/photos/[id]/[file]/route.ts). */
export function photoPath(photoId: string, width: number): string {
  return `/photos/${photoKey(photoId, width)}`;
}

export const PHOTO_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
