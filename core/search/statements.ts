import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { rows, type Db } from "@/infra/db";

// The search's statements go to the database function search_run (migration 0012), which runs
// them in one round trip with the walk's planner settings and no transaction
// (docs/decisions/0007-search-in-one-round-trip.md).

type Row = Record<string, unknown>;

const dialect = new PgDialect();

function typeOf(value: unknown): string {
  if (typeof value === "number") return Number.isInteger(value) ? "int8" : "numeric";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "string" || value === null) return "text";
  throw new Error(`search statement: no parameter type for a ${typeof value}`);
}

/**
 * The statement as search_run takes it: its text with $1…$n, the parameters' types ("(text, int8)")
 * and the arguments as values (search_run quotes them). The types are part of the prepared
 * statement's name, so a search shape is planned once per session.
 */
function statementParts(statement: SQL): { text: string; types: string; args: (string | null)[] } {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  return {
    text,
    types: params.length === 0 ? "" : `(${params.map(typeOf).join(", ")})`,
    args: params.map((value) => (value === null ? null : String(value))),
  };
}

/** Runs the statements in one round trip, in order, with the walk's planner settings; each one's rows, in its order. */
export async function runStatements(db: Db, statements: readonly SQL[]): Promise<Row[][]> {
  if (statements.length === 0) return [];
  const parts = statements.map(statementParts);
  const array = (values: string[]) =>
    sql`ARRAY[${sql.join(
      values.map((value) => sql`${value}`),
      sql`, `,
    )}]::text[]`;
  const found = rows<{ part: number; item: unknown }>(
    await db.execute(
      sql`SELECT part, item FROM search_run(${array(parts.map((part) => part.text))}, ${array(parts.map((part) => part.types))}, ${JSON.stringify(parts.map((part) => part.args))}::jsonb)`,
    ),
  );
  const byStatement: Row[][] = statements.map(() => []);
  for (const { part, item } of found) byStatement[Number(part) - 1]!.push((typeof item === "string" ? JSON.parse(item) : item) as Row);
  return byStatement;
}
