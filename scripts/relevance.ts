/**
 * `npm run relevance [-- --write]`: precision and recall of the ingredient search against the judged
 * queries in tests/relevance/judgements.json, on a fresh in-memory PGlite with the catalogue seeded.
 * Prints per shape and overall, and the worst 10 queries with their missing and extra titles.
 * `--write` also saves the report as tests/relevance/results.txt. The search API is called only
 * through scripts/relevance/run-query.ts.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { openPglite } from "@/infra/db/client";
import { syncDictionary } from "@/core/ingredients/dictionary/sync";
import { runMigrations } from "@/infra/db/migrate";
import { seedCatalogue } from "@/scripts/seed/seed-catalogue";
import { loadJudgements } from "./relevance/judgements";
import { formatReport, scoreQuery } from "./relevance/metrics";
import { runQuery, unsupported } from "./relevance/run-query";

const RESULTS_PATH = path.join(process.cwd(), "tests", "relevance", "results.txt");
async function main() {
  const write = process.argv.includes("--write");
  const judgements = loadJudgements();
  const handle = await openPglite("memory://");
  try {
    await runMigrations(handle);
    await syncDictionary(handle.db);
    const seeded = await seedCatalogue(handle.db);
    const scored = [];
    for (const query of judgements.queries) scored.push(scoreQuery(query, await runQuery(handle.db, query)));
    const report = formatReport(scored, {
      header: [
        `Ingredient search relevance: ${judgements.queries.length} judged queries (tests/relevance/judgements.json), ${seeded} catalogue recipes.`,
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
