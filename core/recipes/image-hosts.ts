import { env } from "@/infra/env";

/**
 * Recipe image addresses may name only the hosts in IMAGE_HOSTS (none by default): an image from
 * any other host would let its owner watch every visitor of the recipe (a tracking pixel).
 * Edge-safe: the middleware puts the same hosts in the CSP's img-src.
 */
export const imageHosts: readonly string[] = env.IMAGE_HOSTS;

export function isAllowedImageUrl(value: string, hosts: readonly string[] = imageHosts): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && hosts.includes(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}

export function imageHostsMessage(hosts: readonly string[] = imageHosts): string {
  return hosts.length === 0
    ? "This site shows no images from other sites: leave the image address empty."
    : `Use an https:// image address on ${hosts.join(", ")}, or leave it empty.`;
}
