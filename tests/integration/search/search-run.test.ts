import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rows } from "@/infra/db";
import { runStatements } from "@/core/search/statements";

describe("search_run (the search's statements in one round trip)", () => {
  it("returns each statement's rows in its order, with the values written in exactly", async () => {
    const db = await getDb();
    const odd = `it's a \\ back'slash $1 ''`;
    const [first, second] = await runStatements(db, [
      sql`SELECT n, ${odd} AS text, ${-2.5} AS number, ${true} AS flag FROM generate_series(3, 1, -1) AS n`,
      sql`SELECT ${"x"}::text AS only`,
    ]);
    expect(first).toEqual([3, 2, 1].map((n) => ({ n, text: odd, number: -2.5, flag: true })));
    expect(second).toEqual([{ only: "x" }]);
  });

  it("passes hostile values through as values: SQL in them is never run", async () => {
    const db = await getDb();
    const hostile = [
      `'); DROP TABLE recipes; --`,
      `\\'); SELECT pg_sleep(5); --`,
      `E'\\x27' || (SELECT 1)`,
      `$$; DROP TABLE users; $$`,
      `) ; EXECUTE search_x(`,
      `"quoted" 'mixed' \\ \\\\`,
      `üñíçødé — ½`,
    ];
    const [echoed] = await runStatements(db, [
      sql`SELECT v FROM unnest(ARRAY[${sql.join(
        hostile.map((value) => sql`${value}`),
        sql`, `,
      )}]::text[]) AS v`,
    ]);
    expect(echoed!.map((row) => row.v)).toEqual(hostile);
    expect(rows(await db.execute(sql`SELECT count(*)::int AS n FROM recipes`))[0]).toHaveProperty("n");
  });

  it("plans the statements with the walk's settings, for the call only", async () => {
    const db = await getDb();
    const settings = sql`SELECT current_setting('enable_sort') AS sort, current_setting('max_parallel_workers_per_gather') AS workers`;
    const [inside] = await runStatements(db, [settings]);
    expect(inside).toEqual([{ sort: "off", workers: "0" }]);
    expect(rows(await db.execute(settings))[0]).toMatchObject({ sort: "on" });
  });
});
