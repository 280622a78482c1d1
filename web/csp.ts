// The middleware sets the CSP with a fresh nonce per request (Edge-safe); next.config.ts adds the
// static headers to everything else, assets included.
export function contentSecurityPolicy(
  nonce: string,
  { development, upgradeInsecure }: { development: boolean; upgradeInsecure: boolean },
): string {
  const directives = [
    "default-src 'self'",
    // Next adds the nonce to its own scripts; 'strict-dynamic' lets those load the page's chunks.
    // The dev server's fast refresh needs eval; production never gets it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React, Next's route announcer) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    // Images from this site only (recipe photos are stored and served here): another host would see every visitor.
    // data: and blob: are images made in the page itself, which reach no other host.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
  ];
  if (upgradeInsecure) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

/** The headers that do not change per request (Referrer-Policy is set per path in next.config.ts). */
export function staticSecurityHeaders(production: boolean): { key: string; value: string }[] {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  if (production) headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  return headers;
}
