/**
 * Settings shared by every benchmark, from flags (`--duration=3`) or the environment
 * (`BENCH_DURATION=3`); flags win. The defaults are a full run; a quick smoke run is
 * `npm run bench -- --duration=3`.
 */
function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

function setting(name: string, envName: string): string | undefined {
  const value = flag(name) ?? process.env[envName];
  return value === "" ? undefined : value;
}

function positiveNumber(name: string, envName: string, fallback: number): number {
  const raw = setting(name, envName);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} / ${envName} must be a positive number, not "${raw}"`);
  return value;
}

function numberList(name: string, envName: string, fallback: number[]): number[] {
  const raw = setting(name, envName);
  if (raw === undefined) return fallback;
  const values = raw.split(",").map(Number);
  if (values.some((value) => !Number.isInteger(value) || value <= 0))
    throw new Error(`--${name} / ${envName} must list whole numbers, not "${raw}"`);
  return values;
}

export type BenchOptions = {
  /** Seconds of load per measured configuration. */
  duration: number;
  /** Connection counts for the page benchmark. */
  connections: number[];
  /** Concurrent logins in the login flood. */
  loginConnections: number;
  /** The server under test listens here. */
  port: number;
  /** A PostgreSQL server on which a fresh database is created; unset → a fresh PGlite folder. */
  databaseUrl: string | undefined;
  /** Reuse bench/.build from an earlier run instead of building again (the orchestrator builds once). */
  reuseBuild: boolean;
  /** PBKDF2 cost, as the app reads it (infra/env.ts). */
  passwordIterations: number;
};

export function benchOptions(): BenchOptions {
  return {
    duration: positiveNumber("duration", "BENCH_DURATION", 20),
    connections: numberList("connections", "BENCH_CONNECTIONS", [10, 50]),
    loginConnections: positiveNumber("login-connections", "BENCH_LOGIN_CONNECTIONS", 10),
    port: positiveNumber("port", "BENCH_PORT", 5120),
    databaseUrl: setting("database-url", "BENCH_DATABASE_URL"),
    reuseBuild: process.argv.includes("--reuse-build") || process.env.BENCH_REUSE_BUILD === "true",
    passwordIterations: positiveNumber("password-iterations", "PASSWORD_ITERATIONS", 220_000),
  };
}

/** One line saying how the figures were taken, written above every table. */
export function describeRun(options: BenchOptions, extra = ""): string {
  const db = options.databaseUrl ? "PostgreSQL (fresh database)" : "PGlite (fresh folder)";
  // Shorter than a full run's 20 s: say so where the figures are read.
  const smoke =
    options.duration > 0 && options.duration < 20 ? "**smoke run** (shorter than the 20 s of a full run: rough figures) · " : "";
  return `${smoke}${new Date().toISOString()} · ${options.duration} s per configuration · ${db}${extra ? ` · ${extra}` : ""}`;
}
