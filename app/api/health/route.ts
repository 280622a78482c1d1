import { checkHealth } from "@/infra/health";

// Asked by Heroku/Vercel monitors and load balancers: always answered live, never cached.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.db === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store", ...(health.db === "ok" ? {} : { "retry-after": "5" }) },
  });
}
