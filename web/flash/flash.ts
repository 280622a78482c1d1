import "server-only";
import { cookies, headers } from "next/headers";
import { isProduction } from "@/infra/env";
import { decodeFlashes, encodeFlashes, FLASH_COOKIE, FLASH_HEADER, type Flash, type FlashCategory } from "./cookie";

/** Queues a message for the next page. Call it in a server action, before `redirect()`. */
export async function flash(message: string, category: FlashCategory = "info"): Promise<void> {
  const jar = await cookies();
  const queued = decodeFlashes(jar.get(FLASH_COOKIE)?.value);
  jar.set(FLASH_COOKIE, encodeFlashes([...queued, { category, message }]), {
    path: "/",
    sameSite: "lax",
    secure: isProduction,
    // Readable by the page script, which removes it once shown; it holds nothing secret.
    httpOnly: false,
    maxAge: 120,
  });
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
