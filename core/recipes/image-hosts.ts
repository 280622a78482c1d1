import { env } from "@/infra/env";

/** Only the IMAGE_HOSTS (none by default): any other image host could watch every visitor of the recipe. The CSP's img-src names the same. */
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
