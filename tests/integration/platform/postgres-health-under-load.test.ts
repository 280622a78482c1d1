import { afterAll, describe, expect, it } from "vitest";
import { openPostgres } from "@/infra/db/client";
import { checkHealth } from "@/infra/health";

// PostgreSQL only (the postgres project): the embedded database has no pool to fill.
describe("the health check while every pooled connection is busy", () => {
  const handle = openPostgres(process.env.DATABASE_URL!, { max: 2 });
  afterAll(() => handle.close());

  it("still says the database is up: slow searches are not an outage", async () => {
    const slow = Array.from({ length: 4 }, () => handle.query("select pg_sleep(2)"));
    await new Promise((resolve) => setTimeout(resolve, 100)); // by then the pool is taken
    expect(await checkHealth(() => Promise.resolve(handle), 1_000)).toEqual({ status: "ok", db: "ok" });
    await Promise.all(slow);
  });
});
