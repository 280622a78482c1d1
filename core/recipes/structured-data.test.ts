import { describe, expect, it } from "vitest";
import { isoDuration, recipeStructuredData, serializeJsonLd } from "./structured-data";

const recipe = {
  id: 7,
  title: "Soup </script><script>alert(1)</script> \u2028 & more",
  summary: "A warming soup.",
  authorName: "Ada",
  createdAt: new Date("2026-11-02T10:00:00Z"),
  servings: 4,
  prepMinutes: 15,
  cookMinutes: 75,
  ingredients: [{ line: "2 leeks" }, { line: "1 l stock" }],
  steps: ["Chop.", "Simmer."],
};

describe("schema.org Recipe", () => {
  it("has the fields search engines read, times as ISO 8601 durations", () => {
    const data = recipeStructuredData(recipe, { url: "https://pantry.example/recipes/7" });
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Recipe",
      name: recipe.title,
      description: "A warming soup.",
      author: { "@type": "Person", name: "Ada" },
      datePublished: "2026-11-02",
      recipeYield: "4 servings",
      prepTime: "PT15M",
      cookTime: "PT1H15M",
      totalTime: "PT1H30M",
      recipeIngredient: ["2 leeks", "1 l stock"],
      recipeInstructions: [
        { "@type": "HowToStep", text: "Chop." },
        { "@type": "HowToStep", text: "Simmer." },
      ],
      url: "https://pantry.example/recipes/7",
    });
    expect(data).not.toHaveProperty("image");
    expect(recipeStructuredData(recipe, { url: "u", imageUrl: "https://pantry.example/p.jpg" }).image).toEqual([
      "https://pantry.example/p.jpg",
    ]);
  });

  it("leaves out a time of zero", () => {
    const data = recipeStructuredData({ ...recipe, cookMinutes: 0, prepMinutes: 0, summary: "" }, { url: "u" });
    expect(data).not.toHaveProperty("cookTime");
    expect(data).not.toHaveProperty("totalTime");
    expect(data).not.toHaveProperty("description");
    expect(isoDuration(60)).toBe("PT1H");
    expect(isoDuration(0)).toBeNull();
  });

  it("serializes so that no title can close the script tag, and parses back to the same data", () => {
    const data = recipeStructuredData(recipe, { url: "u" });
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json.toLowerCase()).not.toContain("</script");
    expect(JSON.parse(json)).toEqual(data);
  });
});
