import { describe, expect, it } from "vitest";
import { readSearchQuery, recipeHref, searchHref, searchParamsOf } from "./search-url";

describe("the search's URL", () => {
  it("reads what the home page reads", () => {
    const query = readSearchQuery({
      ingredients: "Chicken, rice",
      without: "nuts",
      diet: ["vegan", "paleo"],
      staples: ["counted"],
      page: "2",
    });
    expect(query).toMatchObject({ terms: ["chicken", "rice"], without: ["nut"], diets: ["vegan"], assumeStaples: false, page: 2 });
  });

  it("writes a relative home URL from the parsed values only, the page left out on the first", () => {
    const query = readSearchQuery({ ingredients: "chicken,rice", staples: "counted", page: "3" });
    expect(searchHref(query)).toBe("/?ingredients=chicken%2Crice&staples=counted&page=3");
    expect(searchHref(query, 1)).toBe("/?ingredients=chicken%2Crice&staples=counted");
    expect(searchHref(readSearchQuery({}))).toBe("/");
  });

  it("round-trips: the URL it writes reads back as the same search", () => {
    const query = readSearchQuery({ ingredients: "prawns; garlic", without: "dairy", diet: "gluten-free", page: "4" });
    const back = readSearchQuery(Object.fromEntries(new URL(searchHref(query), "http://x").searchParams));
    expect(back).toMatchObject({ terms: query.terms, without: query.without, diets: query.diets, assumeStaples: true, page: 4 });
  });

  it("never echoes raw input: markup, other hosts and unknown parameters are gone", () => {
    const query = readSearchQuery({ ingredients: '<script>alert(1)</script>, "//evil.example', evil: "x", page: "99999" });
    const href = searchHref(query);
    expect(href.startsWith("/?")).toBe(true);
    expect(href).not.toMatch(/[<>"]|evil=|page=/);
    expect(new URL(href, "http://pantry.test").origin).toBe("http://pantry.test");
  });

  it("links a recipe with the search it was found by, and plainly without one", () => {
    const query = readSearchQuery({ ingredients: "chicken", diet: "dairy-free" });
    expect(recipeHref(12, query)).toBe("/recipes/12?ingredients=chicken&diet=dairy-free");
    expect(recipeHref(12, readSearchQuery({ diet: "vegan" }))).toBe("/recipes/12");
    expect(recipeHref(12)).toBe("/recipes/12");
    expect([...searchParamsOf(query).keys()]).toEqual(["ingredients", "diet"]);
  });
});
