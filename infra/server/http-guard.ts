import http from "node:http";
import https from "node:https";
import { PAGE_ALLOW_HEADER } from "./http-rules";
import { inRequestScope } from "./request-scope";

/**
 * Methods the Fetch API refuses to carry (TRACE, TRACK, CONNECT). Next's middleware adapter turns
 * every request into a Fetch Request before any code of ours runs, and for these that throws: a
 * 500 and a stack trace in the log. Of them only TRACE reaches the server as a request (Node's
 * parser refuses TRACK, CONNECT is an event of its own); it is answered 405 here, before Next.
 */
const UNCARRIABLE = new Set(["TRACE", "TRACK", "CONNECT"]);

/** The answer for a request Next cannot take, or false to hand it to Next. */
export function refuseUncarriable(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  if (!request.method || !UNCARRIABLE.has(request.method.toUpperCase())) return false;
  response.writeHead(405, { allow: PAGE_ALLOW_HEADER, "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store" });
  response.end("Method Not Allowed");
  return true;
}

const installed = Symbol.for("pantry.httpGuard");

/**
 * What the seam knows of the servers it has served, for the graceful shutdown: the servers
 * (`next start` builds its own and hands it to no one) and the responses not yet finished. On
 * globalThis, like the patch itself, so that every copy of this module shares them.
 */
type Seen = { servers: Set<http.Server>; open: Set<http.ServerResponse>; closing: boolean };
const holder = globalThis as typeof globalThis & { __pantryHttpSeen?: Seen };
const seen = (holder.__pantryHttpSeen ??= { servers: new Set(), open: new Set(), closing: false });

/** Every server that has received a request in this process. */
export function serversSeen(): http.Server[] {
  return [...seen.servers];
}

/**
 * From now on, every response not yet begun says `Connection: close` and its connection closes
 * after it: a keep-alive connection would otherwise stay open, idle, after its last answer.
 */
export function stopKeepingAlive(): void {
  seen.closing = true;
  for (const response of seen.open) if (!response.headersSent) response.shouldKeepAlive = false;
}

function track(server: http.Server, response: http.ServerResponse): void {
  seen.servers.add(server);
  if (seen.closing) response.shouldKeepAlive = false;
  seen.open.add(response);
  response.once("close", () => seen.open.delete(response));
}

/**
 * Next does not let an app see a request before its middleware adapter, and `next start` builds
 * its server itself: so this seam sits on the servers' "request" event, for every http(s) server
 * in this process (that is Next's, and nothing else here serves HTTP). It refuses what Next cannot
 * carry, remembers the server and the response, and runs the request in its scope
 * (request-scope.ts).
 */
export function installHttpGuard(): void {
  for (const Server of [http.Server, https.Server]) {
    const prototype = Server.prototype as http.Server & { [installed]?: true };
    if (prototype[installed]) continue;
    const emit = prototype.emit;
    prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      const pass = () => emit.apply(this, [event, ...args] as unknown as Parameters<typeof emit>);
      if (event !== "request") return pass();
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      if (refuseUncarriable(request, response)) return true;
      track(this, response);
      return inRequestScope(response, pass);
    } as typeof emit;
    prototype[installed] = true;
  }
}
