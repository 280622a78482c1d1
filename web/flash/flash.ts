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
 * The messages a full page load carries: the middleware took them out of the cookie and cleared it,
 * so they show on this page only. Never read from the cookie here: a client-side navigation,
 * a prefetch and the page Next renders after an action's redirect all send it too, and whatever
 * they render stays in the router's cache (and the root layout stays on screen across client
 * navigations), so the message would follow the person around. In the browser FlashMessages takes
 * the cookie itself.
 */
export async function readFlashes(): Promise<Flash[]> {
  return decodeFlashes((await headers()).get(FLASH_HEADER));
}
