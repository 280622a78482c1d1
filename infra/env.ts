import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

// Every variable the app reads, validated once; Edge-safe (zod only). Production (at run time, not during `next build`)
// refuses to start without the variables a public site needs.

const isLocalHost = (url: URL) => ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const HINTS: Record<string, string> = {
  APP_URL: "the public address of the site, e.g. APP_URL=https://pantry.example.com",
  AUTH_SECRET: "a random secret of at least 32 characters: AUTH_SECRET=$(openssl rand -base64 33)",
  DATABASE_URL: "a PostgreSQL URL, e.g. DATABASE_URL=postgres://user:pass@host:5432/pantry",
  DATABASE_URL_DIRECT: "a PostgreSQL URL that bypasses the pooler, e.g. DATABASE_URL_DIRECT=postgres://user:pass@db-host:5432/pantry",
  DATABASE_POOL_MAX: "a whole number of connections per server, e.g. DATABASE_POOL_MAX=10",
  DATABASE_IDLE_TIMEOUT_SECONDS: "a whole number of seconds, e.g. DATABASE_IDLE_TIMEOUT_SECONDS=30",
  RESEND_API_KEY: "your Resend API key (https://resend.com/api-keys), e.g. RESEND_API_KEY=re_…",
  MAIL_FROM: 'the sender of account mail, e.g. MAIL_FROM="Pantry <hello@pantry.example.com>"',
  RESEND_BASE_URL: "the Resend API base URL without a trailing slash (only for tests and proxies)",
  PGLITE_DATA_DIR: "a folder for the embedded database, e.g. PGLITE_DATA_DIR=.data/pglite",
  PASSWORD_ITERATIONS: "a whole number, e.g. PASSWORD_ITERATIONS=220000",
  ACTIVATION_TOKEN_TTL_HOURS: "a whole number of hours, e.g. ACTIVATION_TOKEN_TTL_HOURS=24",
  FORCE_HTTPS: "true or false",
  TRUSTED_PROXY: "heroku, vercel, forwarded (any proxy that appends to X-Forwarded-For, with TRUSTED_PROXY_HOPS) or none",
  TRUSTED_PROXY_HOPS: "the number of proxies in front of the app that append to X-Forwarded-For, e.g. TRUSTED_PROXY_HOPS=1",
  RATE_LIMIT_SITE_WIDE: "a whole number of requests per 10 minutes for the whole site, e.g. RATE_LIMIT_SITE_WIDE=1000",
  RATE_LIMIT_PER_IP: "a whole number of requests per 10 minutes, e.g. RATE_LIMIT_PER_IP=30",
  RATE_LIMIT_DISABLED: "true only for benchmarks",
  MAIL_SEND_TIMEOUT_MS: "milliseconds, e.g. MAIL_SEND_TIMEOUT_MS=10000",
  SHUTDOWN_GRACE_MS: "milliseconds, e.g. SHUTDOWN_GRACE_MS=20000",
  SERVER_ACTIONS_ALLOWED_ORIGINS: "a comma-separated list of extra hosts, e.g. SERVER_ACTIONS_ALLOWED_ORIGINS=www.example.com",
  ALLOW_EMBEDDED_DB: "true to run production on the embedded PGlite database",
  SEED_CATALOGUE: "true or false",
  RECIPE_WRITES_PER_HOUR: "a whole number of new or edited recipes per account per hour, e.g. RECIPE_WRITES_PER_HOUR=30",
  PGSSLMODE: "disable, prefer, require or verify-full (Heroku Postgres: PGSSLMODE=require)",
};

export class EnvError extends Error {
  override name = "EnvError";
}

function fail(issues: readonly { message: string; path?: readonly unknown[] }[]): never {
  const lines = issues.map((issue) => {
    const first = issue.path?.[0];
    const key = String(typeof first === "object" && first !== null && "key" in first ? first.key : (first ?? ""));
    const hint = HINTS[key] ? ` Set ${HINTS[key]}.` : "";
    return `  - ${key || "environment"}: ${issue.message}.${hint}`;
  });
  throw new EnvError(`Invalid configuration (environment variables):\n${lines.join("\n")}\nSee "Configuration" in README.md.`);
}

const isBuildPhase = process.env.NEXT_PHASE === "phase-production-build";

/** Every variable, declared once (app.json's list is checked against it in infra/env.test.ts). */
export const serverVariables = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  APP_URL: z
    .url({ protocol: /^https?$/, message: "must be an absolute http(s) URL" })
    .default("http://localhost:3000")
    .transform((value) => value.replace(/\/+$/, "")),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// URL" }).optional(),
  // For migrations: their session lock needs the database itself, not a transaction-mode pooler.
  DATABASE_URL_DIRECT: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// URL" }).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  DATABASE_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
  // Used when DATABASE_URL has no sslmode: Heroku Postgres requires TLS, but its URL (which Heroku
  // rewrites) does not say so.
  PGSSLMODE: z
    .enum(["disable", "prefer", "require", "verify-full"], { message: "must be disable, prefer, require or verify-full" })
    .optional(),
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  ALLOW_EMBEDDED_DB: booleanFlag,
  SEED_CATALOGUE: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url({ message: "must be an absolute URL" }).optional(),
  MAIL_FROM: z.string().min(3).default("Pantry <onboarding@resend.dev>"),
  PASSWORD_ITERATIONS: z.coerce.number().int().min(1_000, "must be at least 1000").max(5_000_000).default(220_000),
  ACTIVATION_TOKEN_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  FORCE_HTTPS: z.enum(["true", "false"]).optional(),
  TRUSTED_PROXY: z
    .enum(["none", "heroku", "vercel", "forwarded"], { message: "must be heroku, vercel, forwarded or none" })
    // The platforms announce themselves in variables a client cannot set.
    .default(process.env.DYNO ? "heroku" : process.env.VERCEL ? "vercel" : "none"),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(30),
  RATE_LIMIT_SITE_WIDE: z.coerce.number().int().min(1).max(10_000_000).default(1_000),
  RATE_LIMIT_DISABLED: booleanFlag,
  SERVER_ACTIONS_ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  MAIL_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  // How long requests in flight at SIGTERM may take to finish. Heroku kills a dyno 30 s after
  // its SIGTERM; closing the pools after a cut can take up to 5 s more (postgres.js's end timeout).
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
  RECIPE_WRITES_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
};

export const env = createEnv({
  server: serverVariables,
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  // Server variables are read in Node and Edge alike; nothing here is ever sent to a browser.
  isServer: true,
  onValidationError: fail,
  createFinalSchema: (shape) =>
    z.object(shape).superRefine((value, ctx) => {
      if (value.NODE_ENV !== "production" || isBuildPhase) return;
      const missing = (key: string, message: string) => ctx.addIssue({ code: "custom", path: [key], message });
      if (!value.AUTH_SECRET) missing("AUTH_SECRET", "is required in production");
      if (!process.env.APP_URL) missing("APP_URL", "is required in production");
      else if (!value.APP_URL.startsWith("https://") && !isLocalHost(new URL(value.APP_URL)))
        missing("APP_URL", "must start with https:// in production");
      if (!value.RESEND_API_KEY) missing("RESEND_API_KEY", "is required in production (mail is not printed there)");
      if (!process.env.MAIL_FROM) missing("MAIL_FROM", "is required in production");
      if (!value.DATABASE_URL && !value.ALLOW_EMBEDDED_DB)
        missing(
          "DATABASE_URL",
          "is required in production: the embedded database keeps its files on local disk, which dynos and serverless functions lose (set ALLOW_EMBEDDED_DB=true to accept that)",
        );
      // Without a proxy that names the client, every visitor would share one request budget.
      if (value.TRUSTED_PROXY === "none" && !process.env.TRUSTED_PROXY && !isLocalHost(new URL(value.APP_URL)))
        missing(
          "TRUSTED_PROXY",
          "is required in production: without it the app cannot tell clients apart (set TRUSTED_PROXY=none to accept per-account and site-wide limits only)",
        );
      if (value.PASSWORD_ITERATIONS < 220_000) missing("PASSWORD_ITERATIONS", "must be at least 220000 in production");
    }),
});

/** The development fallback keeps `npm run dev` working with no configuration; production requires its own. */
export const authSecret = env.AUTH_SECRET ?? "pantry-development-secret-not-for-production-use";

/** https is enforced only when the deployment says it is served over https (see middleware.ts). */
export const httpsEnforced = env.FORCE_HTTPS ? env.FORCE_HTTPS === "true" : env.APP_URL.startsWith("https://");

export const isProduction = env.NODE_ENV === "production";

/** APP_URL's origin (https when enforced) for every absolute URL: never the request's Host or X-Forwarded-Host, nor request.nextUrl (Next's bind address). */
export const siteOrigin = httpsEnforced ? `https://${new URL(env.APP_URL).host}` : new URL(env.APP_URL).origin;
