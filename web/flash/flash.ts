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

/** The messages for this page: from the middleware on a full page load, else from the cookie. */
export async function readFlashes(): Promise<Flash[]> {
  const forwarded = (await headers()).get(FLASH_HEADER);
  if (forwarded !== null) return decodeFlashes(forwarded);
  return decodeFlashes((await cookies()).get(FLASH_COOKIE)?.value);
}
