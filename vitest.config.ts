import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const emptyModule = fileURLToPath(new URL("./tests/support/empty-module.ts", import.meta.url));
const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

/**
 * Unit and integration tests. Every test file gets a database of its own: an in-memory PGlite
 * ("pglite" project, always) and, when TEST_DATABASE_URL or DATABASE_URL names a PostgreSQL
 * server, a freshly created database there ("postgres" project), dropped afterwards.
 */
const shared = {
  resolve: { tsconfigPaths: true, alias: { "server-only": emptyModule } },
};

export default defineConfig({
  ...shared,
  test: {
    // Mail printed to the console and log lines show only for a test that fails: the summary
    // stays readable, and the dev outbox still records every mail for the tests that read it.
    silent: "passed-only",
    projects: [
      {
        ...shared,
        test: {
          name: "pglite",
          include: ["{auth,core,infra,web,scripts}/**/*.test.ts", "tests/**/*.test.ts"],
          exclude: ["tests/**/postgres-*.test.ts"],
          setupFiles: ["tests/support/setup-database.ts"],
          env: { PANTRY_TEST_DRIVER: "pglite" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(postgresUrl
        ? [
            {
              ...shared,
              test: {
                name: "postgres",
                // Pure unit tests do not touch a database: running them once is enough.
                include: ["infra/db/**/*.test.ts", "tests/**/*.test.ts"],
                exclude: ["tests/**/pglite-*.test.ts"],
                setupFiles: ["tests/support/setup-database.ts"],
                env: { PANTRY_TEST_DRIVER: "postgres", PANTRY_TEST_POSTGRES_URL: postgresUrl },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
