import { describe, expect, it } from "vitest";
import { decodeAddress, decodeFlashes, encodeAddress, encodeFlashes } from "./cookie";

describe("flash cookie", () => {
  it("round-trips any text as a cookie- and header-safe value", () => {
    const flashes = [{ category: "success" as const, message: "“Crème brûlée” is saved 🍮 — 100% done" }];
    const encoded = encodeFlashes(flashes);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeFlashes(encoded)).toEqual(flashes);
  });

  it("shows nothing for a tampered value and keeps only known categories", () => {
    expect(decodeFlashes("not-base64!")).toEqual([]);
    expect(decodeFlashes(encodeFlashes([{ category: "evil" as never, message: "x" }]))).toEqual([]);
  });

  it("keeps an address as a cookie-safe value, and a tampered one gives none", () => {
    const encoded = encodeAddress("zoë+pantry@example.com");
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeAddress(encoded)).toBe("zoë+pantry@example.com");
    expect(decodeAddress("not-base64!")).toBe("");
    expect(decodeAddress(undefined)).toBe("");
  });
});
