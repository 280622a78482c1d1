import { describe, expect, it } from "vitest";
import { consumeRecipeWrite } from "@/infra/rate-limits";

describe("recipe writes per account", () => {
  it("allows RECIPE_WRITES_PER_HOUR saves an hour per account, then asks it to wait; other accounts are not affected", async () => {
    const author = crypto.randomUUID();
    const results = [];
    for (let i = 0; i < 31; i++) results.push(await consumeRecipeWrite(author));
    expect(results.slice(0, 30).every((result) => result.allowed)).toBe(true);
    expect(results[30]).toMatchObject({ allowed: false });
    expect(results[30]!.allowed === false && results[30]!.retryAfterSeconds).toBeGreaterThan(30 * 60);
    expect(await consumeRecipeWrite(crypto.randomUUID())).toEqual({ allowed: true });
  });
});
