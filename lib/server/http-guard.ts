import http from "node:http";
import https from "node:https";
import { PAGE_ALLOW_HEADER } from "@/lib/security/request-limits";

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
 * Next does not let an app see a request before its middleware adapter, and `next start` builds
 * its server itself: so the guard sits on the servers' "request" event, for every http(s) server
 * in this process (that is Next's, and nothing else here serves HTTP).
 */
export function installHttpGuard(): void {
  for (const Server of [http.Server, https.Server]) {
    const prototype = Server.prototype as http.Server & { [installed]?: true };
    if (prototype[installed]) continue;
    const emit = prototype.emit;
    prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request" && refuseUncarriable(args[0] as http.IncomingMessage, args[1] as http.ServerResponse)) return true;
      return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    } as typeof emit;
    prototype[installed] = true;
  }
}
