// Runs once when a server starts: validates the configuration, then opens the database and
// applies pending migrations before the first request. A wrong setting stops the server with
// a message naming it, instead of a server that answers every request with an error.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    await import("@/lib/env");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase();
}
