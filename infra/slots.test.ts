import { describe, expect, it } from "vitest";
import { createSlots } from "./slots";

describe("createSlots", () => {
  it("runs at most `limit` tasks at once, the rest in order of arrival, and passes results and errors through", async () => {
    const slots = createSlots(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (id: number) =>
      slots.run(async () => {
        started.push(id);
        active++;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 10));
        active--;
        if (id === 3) throw new Error("task 3 failed");
        return id;
      });
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map(task));
    expect(peak).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((result) => (result.status === "fulfilled" ? result.value : (result.reason as Error).message))).toEqual([
      1,
      2,
      "task 3 failed",
      4,
      5,
    ]);
    expect(slots.running).toBe(0);
  });
});
