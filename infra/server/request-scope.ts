import { AsyncLocalStorage } from "node:async_hooks";
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import { RETRY_AFTER_SECONDS } from "./http-rules";
import { isDatabaseUnreachable } from "./database-unreachable";

/**
 * A page cannot choose its own status, and in the seconds before the middleware learns that the
 * database is down (or for a request already past the middleware when it goes) a page, a server
 * action or a route handler fails on the database and Next answers 500. Each request runs in a
 * scope of its own; Next hands every error it catches to instrumentation's onRequestError, which
 * notes a database that cannot be reached in that scope, before Next writes the status. That
 * response then goes out as 503 "try again" instead of 500: the body is Next's error page (the
 * same words as the middleware's 503 page) or the action's error.
 */
type Scope = { databaseUnreachable: boolean; swallowed?: { error: unknown } };

// On globalThis, so that a second copy of this module (another bundle of the same process) sees
// the scope the first one opened.
const holder = globalThis as typeof globalThis & { __pantryRequestScope?: AsyncLocalStorage<Scope> };
const storage = (holder.__pantryRequestScope ??= new AsyncLocalStorage<Scope>());

const OVERRIDDEN = new Set(["retry-after", "cache-control"]);

/** Runs `handle` (Next's handling of one request) in a scope of its own. */
export function inRequestScope<T>(response: ServerResponse, handle: () => T): T {
  const scope: Scope = { databaseUnreachable: false };
  const writeHead = response.writeHead;
  // res.end() and res.write() without a writeHead also come here (through _implicitHeader).
  response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode !== 500 || !scope.databaseUnreachable) return writeHead.apply(this, [statusCode, ...rest] as Parameters<typeof writeHead>);
    this.setHeader("retry-after", String(RETRY_AFTER_SECONDS));
    this.setHeader("cache-control", "no-store");
    // A status text ("Internal Server Error") would contradict the code; headers given here win
    // over setHeader, so ours are taken out of them.
    const headers = rest.find((arg): arg is OutgoingHttpHeaders => typeof arg === "object" && arg !== null && !Array.isArray(arg));
    const kept = headers && Object.fromEntries(Object.entries(headers).filter(([name]) => !OVERRIDDEN.has(name.toLowerCase())));
    return kept ? writeHead.call(this, 503, kept) : writeHead.call(this, 503);
  } as typeof writeHead;
  return storage.run(scope, handle);
}

/** From onRequestError: a database that cannot be reached turns this request's 500 into a 503. */
export function noteRequestError(error: unknown): void {
  const scope = storage.getStore();
  if (scope && isDatabaseUnreachable(error)) scope.databaseUnreachable = true;
}

/**
 * Auth.js catches what its callbacks throw and carries on as if nobody were signed in: during a
 * database outage a signed-in person would be sent to the login page, or a logout would clear the
 * cookie while the server-side session stays valid. The callbacks keep the error here, and the code
 * that called Auth.js throws it after all (`throwSwallowedError`), so the request fails (503).
 */
export function keepSwallowedError(error: unknown): void {
  const scope = storage.getStore();
  if (scope) scope.swallowed ??= { error };
}

export function throwSwallowedError(): void {
  const scope = storage.getStore();
  const swallowed = scope?.swallowed;
  if (!scope || !swallowed) return;
  scope.swallowed = undefined;
  throw swallowed.error;
}
