import { closeDatabase, database } from "@/infra/db";

// `npm run db:migrate`: applies pending migrations to the configured database and exits.
async function main() {
  const handle = await database();
  console.log(`Migrations applied (${handle.driver}).`);
  await closeDatabase();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
