import { afterEach, describe, expect, it, vi } from "vitest";
import { consoleLine, installConsoleJson } from "./console-json";

const now = new Date("2026-12-02T10:00:00.000Z");
const parse = (line: string) => {
  expect(line).not.toContain("\n");
  return JSON.parse(line) as Record<string, unknown>;
};

describe("consoleLine", () => {
  it("keeps infra/log.ts lines as they are", () => {
    const line = JSON.stringify({ time: now.toISOString(), level: "info", event: "database.ready", driver: "pglite" });
    expect(consoleLine("info", [line], now)).toBe(line);
  });

  it("turns Next's printed error (prefix, message over two lines, stack, extra fields) into one line without the stack", () => {
    const error = Object.assign(
      new Error("Body exceeded 1 MB limit.\nTo configure the body size limit for Server Actions, see: https://nextjs.org/docs"),
      { statusCode: 413, digest: "3140168549" },
    );
    const fields = parse(consoleLine("error", [" ⨯", error], now));
    expect(fields).toEqual({
      time: now.toISOString(),
      level: "error",
      event: "console",
      context: "⨯",
      error: "Error",
      message: "Body exceeded 1 MB limit.\nTo configure the body size limit for Server Actions, see: https://nextjs.org/docs",
      digest: "3140168549",
    });
    expect(JSON.stringify(fields)).not.toContain("    at ");
  });

  it("masks addresses and drops stacks that come as text (the Edge console formats errors itself)", () => {
    const printed =
      "TypeError: 'TRACE' HTTP method is unsupported.\n    at new ef (.next/server/edge/chunks/x.js:9:8748)\n    at async y_ (.next/server/edge/chunks/x.js:502:1998)";
    expect(parse(consoleLine("error", [printed], now))).toMatchObject({
      level: "error",
      event: "console",
      message: "TypeError: 'TRACE' HTTP method is unsupported.",
    });
    expect(parse(consoleLine("warn", [new Error("no account for bob@example.com")], now))).toMatchObject({
      level: "warn",
      message: "no account for b***@example.com",
    });
  });

  it("puts objects, format strings and colours on one line, and cuts very long text", () => {
    expect(parse(consoleLine("warn", ["%s took %dms", "probe", 12, { nested: { a: [1, 2, 3] } }], now)).message).toBe(
      "probe took 12ms { nested: { a: [ 1, 2, 3 ] } }",
    );
    expect(parse(consoleLine("info", ["\u001b[31mred\u001b[39m text"], now)).message).toBe("red text");
    expect(String(parse(consoleLine("info", ["x".repeat(5000)], now)).message).length).toBeLessThanOrEqual(1001);
    // Something that only looks like JSON, or spans lines, is wrapped like any other text.
    expect(parse(consoleLine("info", ['{"a":1}\n{"b":2}'], now))).toMatchObject({ event: "console", message: '{"a":1}\n{"b":2}' });
    expect(parse(consoleLine("info", ["{not json}"], now))).toMatchObject({ event: "console", message: "{not json}" });
  });
});

describe("installConsoleJson", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes each call as one line, errors and warnings to stderr", () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const target = { ...console } as Console;
    installConsoleJson(target);
    target.error(new Error("first\nsecond"));
    target.warn("careful", { a: 1 });
    target.log("hello\nworld");
    expect(stderr.mock.calls.map(([chunk]) => String(chunk))).toEqual([
      expect.stringMatching(/^\{.*"message":"first\\nsecond".*\}\n$/),
      expect.stringMatching(/^\{.*"level":"warn".*"message":"careful \{ a: 1 \}"\}\n$/),
    ]);
    expect(stdout.mock.calls.map(([chunk]) => String(chunk))).toEqual([
      expect.stringMatching(/^\{.*"level":"info".*"message":"hello\\nworld"\}\n$/),
    ]);
    for (const [chunk] of [...stderr.mock.calls, ...stdout.mock.calls]) expect(String(chunk).trimEnd()).not.toContain("\n");
  });
});
