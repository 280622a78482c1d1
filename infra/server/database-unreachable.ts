import { errorCauses } from "@/infra/error-causes";

/**
 * Whether an error means "the database cannot be reached right now" (a 503, try again) rather
 * than a fault in the app (a 500). Drizzle wraps driver errors ("Failed query: …") with the
 * driver's error as `cause`, so the whole cause chain is looked at.
 *
 * Socket codes count wherever they sit in the chain: in this server only the database driver lets
 * them reach a request's error (mail sends catch their own failures). PGlite runs in the process
 * and is never unreachable, so none of its errors match.
 */
const CONNECTION_CODES = new Set([
  // Node's sockets, as postgres.js passes them on.
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
  // postgres.js's own.
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // SQLSTATE: admin shutdown, crash shutdown, cannot connect now (starting up or shutting down).
  "57P01",
  "57P02",
  "57P03",
]);

/** SQLSTATE class 08, connection exception (PgBouncer's "cannot connect to server" is 08P01). */
const CONNECTION_EXCEPTION = /^08[0-9A-Z]{3}$/;

export function isDatabaseUnreachable(error: unknown): boolean {
  for (const cause of errorCauses(error)) {
    const code = "code" in cause ? cause.code : undefined;
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || CONNECTION_EXCEPTION.test(code))) return true;
    // Node reports a refused connection to a name with several addresses as an AggregateError.
    if (cause instanceof AggregateError && cause.errors.some((inner) => isDatabaseUnreachable(inner))) return true;
  }
  return false;
}
