import { env } from "@/infra/env";
import { log } from "@/infra/log";
import { database } from "@/infra/db";
import { syncDictionary } from "@/core/ingredients/dictionary/sync";
import { hasNoRecipes, seedCatalogue } from "../seed/seed-catalogue";

/** Opens and migrates the database and brings the search index in line with the ingredient dictionary; a brand-new embedded one also gets the catalogue, so a first look at Pantry shows a living site. */
export async function prepareDatabase(): Promise<void> {
  const handle = await database();
  // Before any search: stored recipes are resolved again whenever the dictionary files changed.
  const dictionary = await syncDictionary(handle.db);
  let seeded = 0;
  if (handle.driver === "pglite" && env.SEED_CATALOGUE && (await hasNoRecipes(handle.db))) {
    seeded = await seedCatalogue(handle.db);
  }
  log.info("database.ready", {
    driver: handle.driver,
    seededRecipes: seeded,
    dictionaryVersion: dictionary.version,
    reresolvedRecipes: dictionary.recipes,
  });
}
