import { closeDatabase, database } from "@/infra/db";
import { syncDictionary } from "@/core/ingredients/dictionary/sync";

// `npm run db:migrate`: applies pending migrations to the configured database, resolves the stored
// recipes again if the ingredient dictionary changed, and exits. `npm run dictionary:sync -- --force`
// redoes the second part even when the dictionary's version is unchanged.
async function main() {
  const handle = await database();
  console.log(`Migrations applied (${handle.driver}).`);
  const report = await syncDictionary(handle.db, { force: process.argv.includes("--force") });
  console.log(
    report.changed
      ? `Ingredient dictionary ${report.version} loaded; ${report.recipes} recipes resolved again.`
      : `Ingredient dictionary ${report.version} already in place.`,
  );
  await closeDatabase();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
