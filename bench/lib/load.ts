import type { EventEmitter } from "node:events";
import autocannon from "autocannon";

export type LoadResult = {
  requests: number;
  /** Completed requests per second over the run. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Socket errors and timeouts. */
  errors: number;
  /** Answers outside 2xx/3xx: a benchmark of an error page is no benchmark. */
  bad: number;
};

export type LoadRequest = {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** A body per request, picked round-robin (e.g. one per bench user). */
  bodies?: string[];
  /** Called with every answer, e.g. to count successful logins. */
  onResponse?: (status: number, headers: Record<string, string | string[]>) => void;
};

/** Exact percentile of the recorded latencies (ms). autocannon's own summary has no p95. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Drives one URL with autocannon on loopback for `duration` seconds and `connections` keep-alive
 * connections (or at a fixed `rate`, requests/s over all connections), keeping every latency.
 */
export async function load(
  baseUrl: string,
  request: LoadRequest,
  { duration, connections, rate }: { duration: number; connections: number; rate?: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let bad = 0;
  let next = 0;
  const bodies = request.bodies;
  const onResponse = request.onResponse;
  const instance = autocannon({
    url: baseUrl,
    duration,
    connections,
    ...(rate ? { overallRate: rate } : {}),
    timeout: 30,
    // autocannon treats a present-but-undefined hook as set: only the keys in use are passed.
    requests: [
      {
        method: request.method ?? "GET",
        path: request.path,
        ...(request.headers ? { headers: request.headers } : {}),
        ...(bodies ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: bodies[next++ % bodies.length] }) } : {}),
        ...(onResponse
          ? {
              onResponse: (status: number, _body: string, _context: object, headers: autocannon.Request["headers"]) =>
                onResponse(status, (headers ?? {}) as Record<string, string | string[]>),
            }
          : {}),
      },
    ],
  });
  // autocannon emits (client, status, bytes, ms); its type declaration omits the client.
  (instance as unknown as EventEmitter).on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (statusCode >= 400) bad++;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    bad,
  };
}
