import { describe, expect, it } from "vitest";
import { searchSlotsFor } from "./search-slots";

const never = () => new Promise<never>(() => {});

describe("searchSlotsFor", () => {
  it("lets an ordinary search run while costly ones hold their slot and queue", async () => {
    const costly = searchSlotsFor({ names: 12, page: 10 });
    // The costly slot is taken and two more wait behind it, as in a flood.
    for (let i = 0; i < 3; i++) void costly.run(never);
    expect(costly.running).toBe(1);

    const ordinary = searchSlotsFor({ names: 3, page: 1 });
    expect(ordinary).not.toBe(costly);
    await expect(ordinary.run(async () => "answered")).resolves.toBe("answered");
  });

  it("counts six names or page three as ordinary, and more names or a deeper page as costly", () => {
    const ordinary = searchSlotsFor({ names: 1, page: 1 });
    expect(searchSlotsFor({ names: 6, page: 3 })).toBe(ordinary);
    expect(searchSlotsFor({ names: 7, page: 1 })).not.toBe(ordinary);
    expect(searchSlotsFor({ names: 2, page: 4 })).not.toBe(ordinary);
  });
});
