import "server-only";
import { cookies, headers } from "next/headers";
import { isProduction } from "@/infra/env";
import {
  ADDRESS_COOKIE,
  ADDRESS_HEADER,
  decodeAddress,
  decodeFlashes,
  encodeAddress,
  encodeFlashes,
  FLASH_COOKIE,
  FLASH_HEADER,
  type Flash,
  type FlashCategory,
} from "./cookie";

// Readable by the page script, which removes them once shown; they hold what the person just typed or is told.
const handOverCookie = () => ({ path: "/", sameSite: "lax" as const, secure: isProduction, httpOnly: false, maxAge: 120 });

/** Queues a message for the next page. Call it in a server action, before `redirect()`. */
export async function flash(message: string, category: FlashCategory = "info"): Promise<void> {
  const jar = await cookies();
  const queued = decodeFlashes(jar.get(FLASH_COOKIE)?.value);
  jar.set(FLASH_COOKIE, encodeFlashes([...queued, { category, message }]), handOverCookie());
}

/** Keeps the address just typed for the next page's form. Call it in a server action, before `redirect()`. */
export async function keepAddress(address: string): Promise<void> {
  (await cookies()).set(ADDRESS_COOKIE, encodeAddress(address), handOverCookie());
}

/** The kept address on a full page load (the middleware handed it over); in the browser the form takes it itself. */
export async function readKeptAddress(): Promise<string> {
  return decodeAddress((await headers()).get(ADDRESS_HEADER));
}

/**
 * The messages for this page. A full page load carries them from the middleware, which took them
 * out of the cookie and cleared it. The page Next renders right after an action's redirect (its own
 * RSC request, without the router's state tree that every navigation, refresh and prefetch of the
 * browser sends) reads the cookie the action just set; FlashMessages removes it in the browser.
 * Every other request shows nothing: a client navigation or prefetch sends the cookie too, and
 * what it rendered would stay in the router's cache and follow the person to unrelated pages.
 */
export async function readFlashes(): Promise<Flash[]> {
  const request = await headers();
  const forwarded = request.get(FLASH_HEADER);
  if (forwarded !== null) return decodeFlashes(forwarded);
  const afterActionRedirect = request.has("rsc") && !request.has("next-router-state-tree") && !request.has("next-router-prefetch");
  return afterActionRedirect ? decodeFlashes((await cookies()).get(FLASH_COOKIE)?.value) : [];
}
