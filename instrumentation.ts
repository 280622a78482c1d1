import type { Instrumentation } from "next";
import { errorFields, log } from "@/infra/log";

/** Set by register() in Node; called synchronously from onRequestError, before Next writes the status. */
let noteRequestError: ((error: unknown) => void) | undefined;

// The Node-only work sits in its own modules, so the Edge bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // One JSON line per console call in production; development keeps Next's readable stacks.
    if (process.env.NODE_ENV === "production") (await import("./infra/server/console-json")).installConsoleJson();
    const { installHttpGuard, serversSeen, stopKeepingAlive } = await import("./infra/server/http-guard");
    installHttpGuard();
    ({ noteRequestError } = await import("./infra/server/request-scope"));
    const { startServer } = await import("./scripts/boot/start-server");
    await startServer();
    // `npm start` sets it, and Next then leaves SIGTERM/SIGINT to us; a bare `next start` keeps
    // Next's handler. After startServer, which reports a wrong configuration in its own words.
    if (process.env.NEXT_MANUAL_SIG_HANDLE) {
      const [{ installGracefulShutdown }, { env }, { closeDatabase }] = await Promise.all([
        import("./infra/server/graceful-shutdown"),
        import("./infra/env"),
        import("./infra/db"),
      ]);
      installGracefulShutdown({ graceMs: env.SHUTDOWN_GRACE_MS, servers: serversSeen, stopKeepingAlive, closeDatabase });
    }
  }
}

// Every error Next catches, as one JSON line: the path without its query (search terms, tokens), and the digest the error
// page shows. An unreachable database makes the response a 503 (infra/server/request-scope.ts).
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  noteRequestError?.(error);
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
