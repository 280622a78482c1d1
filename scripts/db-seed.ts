import { closeDatabase, database } from "@/infra/db";
import { seedCatalogue } from "@/scripts/seed/seed-catalogue";

// `npm run db:seed`: loads the built-in catalogue into the configured database, once.
async function main() {
  const handle = await database();
  const added = await seedCatalogue(handle.db);
  console.log(added > 0 ? `Catalogue loaded: ${added} recipes (${handle.driver}).` : "The catalogue is already loaded: nothing to do.");
  await closeDatabase();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
