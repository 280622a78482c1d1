/** A same-origin relative path to return to after login, or "/". Rejects "//evil", "/\\evil", schemes. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2048) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  try {
    const url = new URL(value, "http://pantry.invalid");
    if (url.origin !== "http://pantry.invalid") return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
