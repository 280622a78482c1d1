import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database, getDb } from "@/infra/db";
import { runMigrations } from "@/infra/db/migrate";
import { users } from "@/infra/db/schema";

describe("database", () => {
  it("applies the migrations once; a second run applies nothing", async () => {
    const handle = await database();
    const count = async () => {
      const result = await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
      return rows[0]!.n;
    };
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await runMigrations(handle);
    expect(await count()).toBe(before);
  });

  it("refuses a second account for the same address in another letter case", async () => {
    const db = await getDb();
    await db.insert(users).values({ email: "bob@x.com", name: "Bob", passwordHash: "x" });
    await expect(db.insert(users).values({ email: "Bob@X.com", name: "Other Bob", passwordHash: "y" })).rejects.toThrow();
    const rows = await db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = 'bob@x.com'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe("Bob");
  });
});
