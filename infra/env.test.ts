import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { serverVariables } from "./env";

/**
 * Production start-up refusal, as a server would meet it: a fresh Node process with
 * NODE_ENV=production loading infra/env.ts. Each case leaves out (or spoils) one variable of an
 * otherwise complete production configuration and expects a refusal naming it.
 */
const run = promisify(execFile);

const COMPLETE = {
  NODE_ENV: "production",
  AUTH_SECRET: "production-secret-production-secret-0123",
  APP_URL: "https://pantry.example.com",
  RESEND_API_KEY: "re_123456789",
  MAIL_FROM: "Pantry <hello@pantry.example.com>",
  DATABASE_URL: "postgres://pantry:pw@db.example.com:5432/pantry",
  TRUSTED_PROXY: "forwarded",
};

const LOAD_ENV = "await import('./infra/env.ts'); console.log('configuration accepted');";

async function loadEnv(overrides: Record<string, string | undefined>) {
  const env: NodeJS.ProcessEnv = { NODE_ENV: "production", PATH: process.env.PATH ?? "" };
  for (const [key, value] of Object.entries({ ...COMPLETE, ...overrides })) if (value !== undefined) env[key] = value;
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", LOAD_ENV], { env });
    return { ok: true, output: stdout };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string };
    return { ok: false, output: failed.stderr + failed.stdout };
  }
}

describe("production configuration", () => {
  it("starts with every required variable set", async () => {
    expect(await loadEnv({})).toEqual({ ok: true, output: "configuration accepted\n" });
  }, 30_000);

  it.concurrent.each([
    ["AUTH_SECRET", { AUTH_SECRET: undefined }, /AUTH_SECRET: is required in production/],
    ["APP_URL", { APP_URL: undefined }, /APP_URL: is required in production/],
    ["APP_URL (plain http)", { APP_URL: "http://pantry.example.com" }, /APP_URL: must start with https:\/\/ in production/],
    ["RESEND_API_KEY", { RESEND_API_KEY: undefined }, /RESEND_API_KEY: is required in production/],
    ["MAIL_FROM", { MAIL_FROM: undefined }, /MAIL_FROM: is required in production/],
    ["DATABASE_URL", { DATABASE_URL: undefined }, /DATABASE_URL: is required in production.*ALLOW_EMBEDDED_DB=true/],
    ["AUTH_SECRET (too short)", { AUTH_SECRET: "short" }, /AUTH_SECRET: must be at least 32 characters/],
    ["TRUSTED_PROXY", { TRUSTED_PROXY: undefined }, /TRUSTED_PROXY: is required in production.*TRUSTED_PROXY=none/],
    ["TRUSTED_PROXY (unknown)", { TRUSTED_PROXY: "nginx" }, /TRUSTED_PROXY: must be heroku, vercel, forwarded or none/],
  ])(
    "refuses to start without %s, naming it",
    async (_name, overrides, message) => {
      const result = await loadEnv(overrides);
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(message);
      expect(result.output).toContain('See "Configuration" in README.md.');
    },
    30_000,
  );

  it("names every missing variable at once, not only the first", async () => {
    const result = await loadEnv({ AUTH_SECRET: undefined, RESEND_API_KEY: undefined, MAIL_FROM: "" });
    expect(result.ok).toBe(false);
    for (const name of ["AUTH_SECRET", "RESEND_API_KEY", "MAIL_FROM"]) expect(result.output).toContain(`  - ${name}: `);
  }, 30_000);

  it("accepts a site that cannot see client addresses only when told so, or on the platforms that say who they are", async () => {
    expect(await loadEnv({ TRUSTED_PROXY: "none" })).toMatchObject({ ok: true });
    expect(await loadEnv({ TRUSTED_PROXY: undefined, DYNO: "web.1" })).toMatchObject({ ok: true });
  }, 30_000);

  it("runs on the embedded database only with the explicit opt-in", async () => {
    expect(await loadEnv({ DATABASE_URL: undefined, ALLOW_EMBEDDED_DB: "true" })).toMatchObject({ ok: true });
  }, 30_000);
});

describe("app.json (the Heroku button)", () => {
  // Read here rather than imported: the file itself must be valid JSON for Heroku.
  const appJson = JSON.parse(readFileSync("app.json", "utf8")) as {
    env: Record<string, { required?: boolean; generator?: string; value?: string }>;
    addons: { plan: string }[];
  };

  it("declares every variable infra/env.ts reads (DATABASE_URL comes from the Postgres add-on)", () => {
    const declared = Object.keys(appJson.env);
    // NODE_ENV is set by the Node buildpack.
    const readByApp = Object.keys(serverVariables).filter((name) => name !== "NODE_ENV" && name !== "DATABASE_URL");
    expect(declared.sort()).toEqual(readByApp.sort());
    expect(appJson.addons.map((addon) => addon.plan)).toContainEqual(expect.stringMatching(/^heroku-postgresql:/));
  });

  it("asks for what production requires and generates the session secret", () => {
    for (const name of ["APP_URL", "RESEND_API_KEY", "MAIL_FROM"]) expect(appJson.env[name]?.required).toBe(true);
    expect(appJson.env.AUTH_SECRET?.generator).toBe("secret");
    expect(appJson.env.PGSSLMODE?.value).toBe("require");
  });
});
