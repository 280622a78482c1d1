import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./web/csp";
import { NEXT_PROXY_BODY_LIMIT_BYTES, NEXT_SERVER_ACTION_BODY_LIMIT_BYTES } from "./infra/server/http-rules";

// Server actions accept posts only from this site's own origin, unless configuration names more
// (e.g. a second domain in front of the same app). Never derived from requests. The middleware
// applies the same list (infra/env.ts).
const allowedOrigins = (process.env.SERVER_ACTIONS_ALLOWED_ORIGINS ?? "")
  .split(",")
  .map((origin) => origin.trim())
  .filter(Boolean);

const nextConfig: NextConfig = {
  // One id per build, for rolling deploys: a tab opened on the previous build reloads instead of
  // mixing its scripts with the new server's. NEXT_DEPLOYMENT_ID wins; Heroku's build names its
  // commit in SOURCE_VERSION; Vercel sets its own.
  deploymentId: process.env.NEXT_DEPLOYMENT_ID || process.env.SOURCE_VERSION || undefined,
  // PGlite ships ~15 MB of wasm and data that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // The migrations are read from disk at start-up; serverless bundles must carry them.
  outputFileTracingIncludes: { "/**": ["./infra/db/migrations/**/*"] },
  // The middleware refuses larger posts with a 413 before Next sees them (middleware.ts): 1 MB, the recipe form 11 MB.
  // Next buffers a body for the middleware only up to proxyClientMaxBodySize (10 MB by default) and then passes on a cut
  // one: above the largest ceiling, so the middleware sees every byte it allows.
  experimental: {
    serverActions: { allowedOrigins, bodySizeLimit: NEXT_SERVER_ACTION_BODY_LIMIT_BYTES },
    proxyClientMaxBodySize: NEXT_PROXY_BODY_LIMIT_BYTES,
  },
  async headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders(process.env.NODE_ENV === "production") },
      { source: "/((?!reset-password/).*)", headers: [{ key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }] },
      // The mailed reset link carries its token in the URL: never send it on as a Referer.
      { source: "/reset-password/:token", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default nextConfig;
