import { describe, expect, it } from "vitest";
import { isAllowedImageUrl } from "@/core/recipes/image-hosts";
import { serverRecipeFormSchema } from "@/core/recipes/server-schemas";
import { consumeRecipeWrite } from "@/infra/rate-limits";

const recipe = { title: "Soup", summary: "", ingredients: "1 onion", steps: "Cook.", servings: "2", prepMinutes: "5", cookMinutes: "10" };

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

describe("recipe image addresses", () => {
  it("with no IMAGE_HOSTS configured, accepts only an empty address", () => {
    expect(serverRecipeFormSchema.safeParse({ ...recipe, imageUrl: "" })).toMatchObject({ success: true, data: { imageUrl: null } });
    const tracker = serverRecipeFormSchema.safeParse({ ...recipe, imageUrl: "https://tracker.example/pixel.gif" });
    expect(tracker.success).toBe(false);
    expect(tracker.error!.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["imageUrl", "This site shows no images from other sites: leave the image address empty."],
    ]);
  });

  it.each([
    ["https://images.example.com/soup.jpg", true],
    ["https://IMAGES.example.com/soup.jpg", true],
    ["http://images.example.com/soup.jpg", false],
    ["https://images.example.com.evil.example/soup.jpg", false],
    ["https://evil.example/?https://images.example.com/", false],
    ["https://user@evil.example/images.example.com", false],
    ["not a url", false],
  ])("%s on the list [images.example.com]: %s", (url, allowed) => {
    expect(isAllowedImageUrl(url, ["images.example.com"])).toBe(allowed);
  });
});
