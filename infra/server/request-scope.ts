import { AsyncLocalStorage } from "node:async_hooks";
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import { RETRY_AFTER_SECONDS } from "./http-rules";
import { isDatabaseUnreachable } from "./database-unreachable";

// In the seconds before the middleware learns of an outage, requests that fail on the database get a 500 (a page cannot
// choose its status). onRequestError (instrumentation.ts) notes the error in the request's scope before Next writes the
// status, which then goes out as 503 "try again".
type Scope = { databaseUnreachable: boolean; swallowed?: { error: unknown } };

// On globalThis, so another bundle's copy of this module sees the same scopes.
const holder = globalThis as typeof globalThis & { __pantryRequestScope?: AsyncLocalStorage<Scope> };
const storage = (holder.__pantryRequestScope ??= new AsyncLocalStorage<Scope>());

const OVERRIDDEN = new Set(["retry-after", "cache-control"]);

/** Runs `handle` (Next's handling of one request) in a scope of its own. */
export function inRequestScope<T>(response: ServerResponse, handle: () => T): T {
  const scope: Scope = { databaseUnreachable: false };
  const writeHead = response.writeHead;
  // res.end() and res.write() without a writeHead also come here (through _implicitHeader).
  response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode !== 500 || !scope.databaseUnreachable)
      return writeHead.apply(this, [statusCode, ...rest] as Parameters<typeof writeHead>);
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

/** Auth.js swallows callback errors and carries on as signed out (in an outage a logout would clear the cookie yet leave the session valid): kept here for throwSwallowedError. */
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
