import { describe, expect, it } from "vitest";
import { decodeFlashes, encodeFlashes } from "./cookie";

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
});
