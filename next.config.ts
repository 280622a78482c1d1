import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships ~15 MB of wasm and data that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // The migrations are read from disk at start-up; serverless bundles must carry them.
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
};

export default nextConfig;
