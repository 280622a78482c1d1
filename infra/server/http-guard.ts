import http from "node:http";
import https from "node:https";
import { PAGE_ALLOW_HEADER } from "./http-rules";
import { inRequestScope } from "./request-scope";

// Methods the Fetch API cannot carry: Next's middleware adapter throws on them (a 500 and a stack trace). Only TRACE
// reaches a request handler (Node refuses TRACK; CONNECT is an event of its own).
const UNCARRIABLE = new Set(["TRACE", "TRACK", "CONNECT"]);

/** The answer for a request Next cannot take, or false to hand it to Next. */
export function refuseUncarriable(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  if (!request.method || !UNCARRIABLE.has(request.method.toUpperCase())) return false;
  response.writeHead(405, {
    allow: PAGE_ALLOW_HEADER,
    "content-type": "text/plain; charset=utf-8",
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
  });
  response.end("Method Not Allowed");
  return true;
}

const installed = Symbol.for("pantry.httpGuard");

/** For the graceful shutdown (`next start` hands its server to no one); on globalThis, so every copy of this module shares it. */
type Seen = { servers: Set<http.Server>; open: Set<http.ServerResponse>; closing: boolean };
const holder = globalThis as typeof globalThis & { __pantryHttpSeen?: Seen };
const seen = (holder.__pantryHttpSeen ??= { servers: new Set(), open: new Set(), closing: false });

export function serversSeen(): http.Server[] {
  return [...seen.servers];
}

/** Every response not yet begun closes its connection after it, so no keep-alive connection stays open, idle. */
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

/** Next shows an app no request before its middleware adapter, and `next start` builds its own server: so this patches every http(s) server's "request" event. */
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
