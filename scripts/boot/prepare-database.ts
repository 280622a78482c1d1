import { env } from "@/infra/env";
import { log } from "@/infra/log";
import { database } from "@/infra/db";
import { hasNoRecipes, seedCatalogue } from "../seed/seed-catalogue";

/**
 * Server start-up: open and migrate the database; a brand-new embedded database also gets the
 * catalogue, so someone trying Pantry for the first time sees a living site.
 */
export async function prepareDatabase(): Promise<void> {
  const handle = await database();
  let seeded = 0;
  if (handle.driver === "pglite" && env.SEED_CATALOGUE && (await hasNoRecipes(handle.db))) {
    seeded = await seedCatalogue(handle.db);
  }
  log.info("database.ready", { driver: handle.driver, seededRecipes: seeded });
}
