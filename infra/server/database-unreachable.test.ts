import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable } from "./database-unreachable";

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });
/** What drizzle throws for a failed query: its own error, the driver's as `cause`. */
const failedQuery = (cause: unknown) => new Error("Failed query: select 1\nparams: ", { cause });

describe("isDatabaseUnreachable", () => {
  it.each([
    "ECONNREFUSED",
    "ECONNRESET",
    "CONNECTION_CLOSED",
    "CONNECTION_ENDED",
    "CONNECTION_DESTROYED",
    "CONNECT_TIMEOUT",
    "57P01",
    "57P02",
    "57P03",
    "08006",
    "08001",
    "08P01",
  ])("counts %s, bare and wrapped by drizzle", (code) => {
    expect(isDatabaseUnreachable(withCode(code))).toBe(true);
    expect(isDatabaseUnreachable(failedQuery(withCode(code)))).toBe(true);
  });

  it("counts PgBouncer's 'cannot connect to server' and a refusal to every address of a name", () => {
    expect(
      isDatabaseUnreachable(
        failedQuery(
          Object.assign(new Error("pgbouncer cannot connect to server"), { name: "PostgresError", code: "08P01", severity: "ERROR" }),
        ),
      ),
    ).toBe(true);
    expect(isDatabaseUnreachable(new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")]))).toBe(true);
  });

  it("leaves faults of the app and of its queries as they are", () => {
    expect(isDatabaseUnreachable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnreachable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    // unique violation, syntax error, statement timeout, too many connections, query canceled
    for (const code of ["23505", "42601", "57014", "53300", "40001", "ERR_INVALID_ARG_TYPE"])
      expect(isDatabaseUnreachable(failedQuery(withCode(code)))).toBe(false);
    expect(isDatabaseUnreachable(Object.assign(new Error("Server Components render"), { digest: "123" }))).toBe(false);
    expect(isDatabaseUnreachable(undefined)).toBe(false);
    expect(isDatabaseUnreachable("ECONNREFUSED")).toBe(false);
    expect(isDatabaseUnreachable({ code: 57 })).toBe(false);
  });

  it("stops on a cause that loops", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    Object.assign(a, { cause: b });
    expect(isDatabaseUnreachable(a)).toBe(false);
  });
});
