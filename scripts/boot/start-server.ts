/** Validates the configuration, then opens and migrates the database before the first request: a wrong setting stops the server, named. */
export async function startServer(): Promise<void> {
  try {
    await import("@/infra/env");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const { env } = await import("@/infra/env");
  if (env.RATE_LIMIT_DISABLED) {
    console.warn(
      JSON.stringify({
        level: "warn",
        event: "rate_limits.disabled",
        message: "RATE_LIMIT_DISABLED=true: login and request limits are off (benchmarks only)",
      }),
    );
  }
  const { prepareDatabase } = await import("./prepare-database");
  await prepareDatabase();
}
