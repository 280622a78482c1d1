const BASE = "http://pantry.invalid";

/** A path this site serves: one leading slash, never "//host" or "/\host" (a browser reads both as another site). */
function isSitePath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
}

/**
 * A same-origin relative path to return to after login, or "/". Rejects "//evil", "/\\evil",
 * schemes. The check runs again on the normalised result: dot segments and their encodings
 * ("/.//evil", "/%2e//evil", "/a/..//evil") only turn into "//evil" once the URL parser has
 * resolved them, and that result is what the Location header carries.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2048) return "/";
  if (!isSitePath(value)) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return "/";
    const path = `${url.pathname}${url.search}${url.hash}`;
    return isSitePath(path) ? path : "/";
  } catch {
    return "/";
  }
}
