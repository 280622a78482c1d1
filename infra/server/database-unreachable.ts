import { errorCauses } from "@/infra/error-causes";

// "The database cannot be reached now" (503, try again), not an app fault (500), anywhere in the cause chain. Socket codes
// count too: only the database driver lets them reach a request's error; PGlite runs in process and never matches.
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
