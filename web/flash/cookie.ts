// Flash messages (like Flask's flash()): a server action stores them in a short-lived cookie before
// redirecting, and the next page shows them once. Edge-safe: the middleware reads this too.
// __Host- in production: only this exact site, over https, may set it.
export const FLASH_COOKIE = process.env.NODE_ENV === "production" ? "__Host-pantry_flash" : "pantry_flash";
/** Set by the middleware on the request it forwards, after it has taken the cookie away. */
export const FLASH_HEADER = "x-pantry-flash";

// The address a person typed into a form that sent them to another page (a refused header login,
// a registration whose mail failed): the next page's form shows it again, once, as with a flash.
// Never a password.
export const ADDRESS_COOKIE = process.env.NODE_ENV === "production" ? "__Host-pantry_address" : "pantry_address";
export const ADDRESS_HEADER = "x-pantry-address";
const MAX_ADDRESS_LENGTH = 320;

/** The cookies the middleware hands over to a full page load, each as its request header. */
export const HANDED_OVER = [
  { cookie: FLASH_COOKIE, header: FLASH_HEADER },
  { cookie: ADDRESS_COOKIE, header: ADDRESS_HEADER },
] as const;

export type FlashCategory = "success" | "error" | "info";
export type Flash = { category: FlashCategory; message: string };

const CATEGORIES = new Set<FlashCategory>(["success", "error", "info"]);
const MAX_FLASHES = 3;

// base64url of the UTF-8 JSON: plain ASCII with nothing a cookie or header would escape, so the
// value reads the same from the cookie jar, a request header and document.cookie.
function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(value: string): string {
  const binary = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export function encodeFlashes(flashes: readonly Flash[]): string {
  return toBase64Url(JSON.stringify(flashes.slice(-MAX_FLASHES)));
}

/** Never throws: a tampered or truncated cookie simply shows nothing. */
export function decodeFlashes(raw: string | null | undefined): Flash[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(raw));
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter(
        (item): item is Flash =>
          typeof item === "object" &&
          item !== null &&
          CATEGORIES.has((item as Flash).category) &&
          typeof (item as Flash).message === "string",
      )
      .slice(-MAX_FLASHES)
      .map(({ category, message }) => ({ category, message: message.slice(0, 300) }));
  } catch {
    return [];
  }
}

export function encodeAddress(address: string): string {
  return toBase64Url(address.slice(0, MAX_ADDRESS_LENGTH));
}

/** Never throws: a tampered value gives no address. */
export function decodeAddress(raw: string | null | undefined): string {
  if (!raw) return "";
  try {
    return fromBase64Url(raw).slice(0, MAX_ADDRESS_LENGTH);
  } catch {
    return "";
  }
}
