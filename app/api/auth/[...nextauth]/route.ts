import { handlers } from "@/auth";

// Only the read-only session endpoint of Auth.js's REST API stays open: the site signs in and out
// through its server actions, and nothing may bypass what they do around a sign-in (see
// docs/decisions/0003-one-login-path-and-what-a-hostile-client-can-spend.md).
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
