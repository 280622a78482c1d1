import { handlers } from "@/auth";

/**
 * Auth.js mounts a whole REST API here (sign-in, sign-out and provider callbacks among it). The
 * site signs people in and out only through its server actions, which call Auth.js on the server,
 * so only the read-only session endpoint stays open; every other path answers 404 and so cannot
 * bypass what the forms do around a sign-in (the request ceilings, the answers they give).
 */
const OPEN_GET_ACTIONS = new Set(["session"]);

function notFound(): Response {
  return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

function action(pathname: string): string {
  return pathname.replace(/\/+$/, "").split("/api/auth/")[1] ?? "";
}

export function GET(request: Parameters<typeof handlers.GET>[0]): Promise<Response> | Response {
  return OPEN_GET_ACTIONS.has(action(request.nextUrl.pathname)) ? handlers.GET(request) : notFound();
}

export function POST(): Response {
  return notFound();
}
