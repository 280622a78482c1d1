import "server-only";
import { headers } from "next/headers";
import { env } from "@/infra/env";
import type { Client } from "@/infra/rate-limits";

type ProxySetting = { proxy: "none" | "heroku" | "vercel" | "forwarded"; hops: number };

/**
 * The client's address, only from what the deployment's own proxy sets. A proxy that appends to
 * X-Forwarded-For (Heroku's router, nginx, Caddy) makes the `hops`-th entry from the end the one it
 * saw; earlier entries are the client's own words. Vercel sets x-real-ip. Without a known proxy the
 * address is unknown (Next fills X-Forwarded-For only when absent, so a client could choose it).
 */
export function clientFromHeaders(list: Headers, { proxy, hops }: ProxySetting): Client {
  if (proxy === "vercel") return { address: list.get("x-real-ip")?.trim() || null };
  if (proxy === "none") return { address: null };
  const fromEnd = proxy === "heroku" ? 1 : hops;
  const entries = (list.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim());
  return { address: (entries.length >= fromEnd && entries[entries.length - fromEnd]) || null };
}

export async function currentClient(): Promise<Client> {
  return clientFromHeaders(await headers(), { proxy: env.TRUSTED_PROXY, hops: env.TRUSTED_PROXY_HOPS });
}
