import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

const BASE = "https://pantry.example.com";

/** Where a browser goes with `Location: <path>` from this site. */
const landsOn = (path: string) => new URL(path, BASE).origin;

describe("safeCallbackPath", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/recipes/12?tab=steps#top", "/recipes/12?tab=steps#top"],
    ["/a/../dashboard", "/dashboard"],
    ["/./account", "/account"],
    ["/?ingredients=rice%2C+egg", "/?ingredients=rice%2C+egg"],
  ])("keeps the same-site path %j as %j", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    // Refused as written.
    "//evil.com",
    "/\\evil.com",
    "https://evil.com",
    "javascript:alert(1)",
    "evil.com",
    "/\tevil",
    "/\\/evil.com",
    // Only "//evil.com" after the URL parser resolves the dot segments.
    "/.//evil.com",
    "/%2e//evil.com",
    "/%2E//evil.com",
    "/..//evil.com",
    "/%2e%2e//evil.com",
    "/a/..//evil.com",
    "/a/%2e%2e//evil.com",
    "/a/b/../..//evil.com",
    "/././/evil.com",
    "/.//evil.com/path?x=1",
    "/.///evil.com",
  ])("sends %j home, never off the site", (input) => {
    const result = safeCallbackPath(input);
    expect(result).toBe("/");
    expect(landsOn(result)).toBe(BASE);
  });

  it("never returns a path that starts with // or /\\, whatever the input", () => {
    const pieces = ["/", ".", "..", "%2e", "%2E", "%2e%2e", "\\", "%5c", "%2f", "evil.com", "a"];
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces) {
          const result = safeCallbackPath(`/${a}/${b}/${c}`);
          expect(result.startsWith("/"), result).toBe(true);
          expect(result.startsWith("//") || result.startsWith("/\\"), `/${a}/${b}/${c} → ${result}`).toBe(false);
          expect(landsOn(result)).toBe(BASE);
        }
  });

  it.each([undefined, null, 42, ["/dashboard"], "", "/".padEnd(2049, "a")])("sends %j home", (input) => {
    expect(safeCallbackPath(input)).toBe("/");
  });
});
