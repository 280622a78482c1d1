import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PantrySearchLink, pantrySearchHref } from "@/components/pantry/pantry-search-link";

describe("the search-with-my-pantry link", () => {
  it("searches the home page for the names as a person types them", () => {
    const href = pantrySearchHref(["chicken thigh", "prawn", "crème fraîche"]);
    expect(href).toBe("/?ingredients=chicken+thigh%2C+prawn%2C+cr%C3%A8me+fra%C3%AEche");
    expect(new URLSearchParams(href.slice(2)).get("ingredients")).toBe("chicken thigh, prawn, crème fraîche");
  });

  it("says how many items it searches with, and is not there for an empty pantry", () => {
    const html = renderToStaticMarkup(createElement(PantrySearchLink, { names: ["rocket", "prawn"] }));
    expect(html).toContain('href="/?ingredients=rocket%2C+prawn"');
    expect(html).toContain(">Search with my pantry (2)</a>");
    expect(renderToStaticMarkup(createElement(PantrySearchLink, { names: [] }))).toBe("");
  });
});
