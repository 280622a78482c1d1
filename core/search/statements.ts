import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { rows, type Db } from "@/infra/db";

// The search's statements go to the database function search_run (migration 0012), which runs
// them in one round trip with the walk's planner settings and no transaction
// (docs/decisions/0007-search-in-one-round-trip.md).

type Row = Record<string, unknown>;

const dialect = new PgDialect();

/** A string literal that reads the same whatever standard_conforming_strings says. */
const literal = (value: string): string => `E'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

function inlineValue(value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) return `(${value})`;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return literal(value);
  if (value === null) return "null";
  throw new Error(`search statement: cannot inline a ${typeof value}`);
}

/**
 * The statement as text with its values written in: search_run executes text, and written-in values
 * give the planner what a parameter would (the custom plan of each search).
 */
export function inlineStatement(statement: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  // Placeholders are $1…$n in order of appearance; the search's SQL text holds no "$" of its own.
  return text.replace(/\$(\d+)/g, (_, index: string) => inlineValue(params[Number(index) - 1]));
}

/** Runs the statements in one round trip, in order, with the walk's planner settings; each one's rows, in its order. */
export async function runStatements(db: Db, statements: readonly SQL[]): Promise<Row[][]> {
  if (statements.length === 0) return [];
  const texts = statements.map(inlineStatement);
  const found = rows<{ part: number; item: unknown }>(
    await db.execute(
      sql`SELECT part, item FROM search_run(ARRAY[${sql.join(
        texts.map((text) => sql`${text}`),
        sql`, `,
      )}]::text[])`,
    ),
  );
  const parts: Row[][] = statements.map(() => []);
  for (const { part, item } of found) parts[Number(part) - 1]!.push((typeof item === "string" ? JSON.parse(item) : item) as Row);
  return parts;
}
