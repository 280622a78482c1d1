import { readFileSync } from "node:fs";
import { closeDatabase, database } from "@/infra/db";
import { FlaskExportError, formatImportReport, importFlaskExport, parseFlaskExport } from "@/scripts/flask/import";

// `npm run import:flask -- <export.json>` (README, "Importing from the Flask app"): the whole file is
// validated first and imported in one transaction, so a bad file or a second run changes nothing.
async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    console.error("Usage: npm run import:flask -- <export.json>");
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const reason =
      error instanceof SyntaxError ? `it is not valid JSON (${error.message})` : error instanceof Error ? error.message : String(error);
    console.error(`Cannot read ${file}: ${reason}. Nothing was imported.`);
    return 1;
  }
  try {
    const data = parseFlaskExport(json);
    const handle = await database();
    const report = await importFlaskExport(handle.db, data);
    console.log(`Imported ${file} (${handle.driver}).\n${formatImportReport(report)}`);
    return 0;
  } catch (error) {
    if (error instanceof FlaskExportError) console.error(error.message);
    else
      console.error(
        `The import failed and was rolled back; nothing was imported: ${error instanceof Error ? error.message : String(error)}`,
      );
    return 1;
  } finally {
    await closeDatabase();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
