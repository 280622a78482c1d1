/**
 * `npm run relevance [-- --write]`: precision and recall of the ingredient search against the judged
 * queries in tests/relevance/judgements.json, on a fresh in-memory PGlite with the catalogue seeded.
 * Prints per shape and overall, and the worst 10 queries with their missing and extra titles.
 * `--write` also saves the report as tests/relevance/results.txt. The search API is called only
 * through scripts/relevance/run-query.ts.
 */
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openPglite, type Db } from "@/infra/db/client";
import { runMigrations } from "@/infra/db/migrate";
import { seedCatalogue } from "@/scripts/seed/seed-catalogue";
import { loadJudgements } from "./relevance/judgements";
import { formatReport, scoreQuery } from "./relevance/metrics";
import { runQuery, unsupported } from "./relevance/run-query";

const RESULTS_PATH = path.join(process.cwd(), "tests", "relevance", "results.txt");
const SYNC_MODULE = path.join(process.cwd(), "core", "ingredients", "dictionary", "sync.ts");

/** Runs syncDictionary(db) when core/ingredients/dictionary/sync.ts exists and exports it (the dictionary search); else says why not. */
async function syncDictionaryIfPresent(db: Db): Promise<string> {
  if (!existsSync(SYNC_MODULE)) return "not run (core/ingredients/dictionary/sync.ts does not exist)";
  const loaded = (await import(pathToFileURL(SYNC_MODULE).href)) as { syncDictionary?: (db: Db) => Promise<unknown> };
  if (typeof loaded.syncDictionary !== "function") return "not run (sync.ts does not export syncDictionary)";
  await loaded.syncDictionary(db);
  return "ran syncDictionary(db)";
}

async function main() {
  const write = process.argv.includes("--write");
  const judgements = loadJudgements();
  const handle = await openPglite("memory://");
  try {
    await runMigrations(handle);
    const seeded = await seedCatalogue(handle.db);
    const sync = await syncDictionaryIfPresent(handle.db);
    const scored = [];
    for (const query of judgements.queries) scored.push(scoreQuery(query, await runQuery(handle.db, query)));
    const report = formatReport(scored, {
      header: [
        `Ingredient search relevance: ${judgements.queries.length} judged queries (tests/relevance/judgements.json), ${seeded} catalogue recipes.`,
        `Dictionary sync: ${sync}.`,
      ],
      unsupported,
    });
    process.stdout.write(report);
    if (write) {
      writeFileSync(RESULTS_PATH, report);
      process.stdout.write(`\nWritten to ${path.relative(process.cwd(), RESULTS_PATH)}\n`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
