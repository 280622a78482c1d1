import { ADDRESS_COOKIE, decodeAddress, decodeFlashes, FLASH_COOKIE, type Flash } from "./cookie";

// In the browser, after a navigation that was no full page load: the page takes a handed-over cookie
// itself, and removes it, so that what it holds shows once.
function takeCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  const raw = document.cookie
    .split("; ")
    .find((pair) => pair.startsWith(prefix))
    ?.slice(prefix.length);
  if (raw === undefined) return undefined;
  const secure = window.location.protocol === "https:" || name.startsWith("__Host-") ? "; Secure" : "";
  document.cookie = `${name}=; Max-Age=0; path=/; SameSite=Lax${secure}`;
  return raw;
}

export const takeFlashes = (): Flash[] => decodeFlashes(takeCookie(FLASH_COOKIE));

export const takeKeptAddress = (): string => decodeAddress(takeCookie(ADDRESS_COOKIE));
