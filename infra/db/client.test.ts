import { describe, expect, it } from "vitest";
import { poolerAware } from "./client";

describe("a DATABASE_URL that names a pooler", () => {
  it.each([
    ["postgres://u:p@pooler:6432/pantry?pgbouncer=true", "postgres://u:p@pooler:6432/pantry", false],
    ["postgres://u:p@pooler:6432/pantry?sslmode=require&pgbouncer=true", "postgres://u:p@pooler:6432/pantry?sslmode=require", false],
    ["postgres://u:p@db:5432/pantry", "postgres://u:p@db:5432/pantry", true],
    ["postgres://u:p@db:5432/pantry?pgbouncer=false", "postgres://u:p@db:5432/pantry", true],
  ])("%s → %s, prepared statements %s", (url, expected, prepare) => {
    expect(poolerAware(url)).toEqual({ url: expected, prepare });
  });
});
