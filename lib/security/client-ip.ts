import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The client's address for per-IP limits, read only from the header the platform's own proxy
 * sets — never from whatever X-Forwarded-For a client sends. Heroku's router appends the
 * connecting address as the last X-Forwarded-For entry; Vercel sets x-real-ip itself.
 * Without a known proxy the app cannot see the address (Next fills X-Forwarded-For only when the
 * request has none, so a client could choose it): all requests then share one bucket.
 */
export async function clientKey(): Promise<string> {
  const list = await headers();
  switch (env.TRUSTED_PROXY) {
    case "heroku": {
      const last = list.get("x-forwarded-for")?.split(",").at(-1)?.trim();
      return last ? `ip:${last}` : "ip:unknown";
    }
    case "vercel": {
      const ip = list.get("x-real-ip")?.trim();
      return ip ? `ip:${ip}` : "ip:unknown";
    }
    default:
      return "direct";
  }
}
