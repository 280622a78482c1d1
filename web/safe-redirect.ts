const BASE = "http://pantry.invalid";

/** A path this site serves: one leading slash, never "//host" or "/\host" (a browser reads both as another site). */
function isSitePath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
}

/**
 * A same-origin relative path to return to after login, or "/". Checked again after URL parsing:
 * dot segments ("/.//evil", "/%2e//evil") only become "//evil" once resolved.
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
