import type { Instrumentation } from "next";
import { errorFields, log } from "@/lib/log";

// Runs once when a server starts. The Node-only work lives in its own module so the Edge
// bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // One JSON line per console call in production; development keeps Next's readable stacks.
    if (process.env.NODE_ENV === "production") (await import("./lib/server/console-json")).installConsoleJson();
    (await import("./lib/server/http-guard")).installHttpGuard();
    const { startServer } = await import("./db/start-server");
    await startServer();
  }
}

/**
 * Every error Next catches while answering a request (pages, route handlers, server actions,
 * middleware), as one JSON line for the log drain. The path loses its query string (it can carry
 * search terms or tokens); the digest is the code the error page shows, to find the line again.
 */
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  log.error("request.error", {
    method: request.method,
    path: request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
    digest,
    ...errorFields(error),
  });
};
