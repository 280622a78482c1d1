import { describe, expect, it } from "vitest";
import { parseIngredientLine } from "@/core/ingredients/parse-line";
import { covers, dietFlagsOf, dietBit, resolveIngredient } from "./index";
import { resolveTypedTerms } from "@/core/search/typed-terms";

const lineOf = (line: string) => resolveIngredient(parseIngredientLine(line).name);

describe("resolving lines and typed terms to canonical ingredients", () => {
  it.each([
    ["4 boneless chicken thighs, skin on", "chicken thigh"],
    ["500 g minced beef", "ground beef"],
    ["200 g basmati rice, rinsed", "basmati rice"],
    ["1 cup long-grain rice", "long-grain rice"],
    ["200 g grandma's smokehouse bacon", "bacon"],
    ["a large bag of baby spinach", "baby spinach"],
    ["250 g cherry tomatoes, halved", "cherry tomato"],
    ["12 raw king prawns", "king prawn"],
    ["2 tbsp icing sugar", "icing sugar"],
    ["100 ml chicken stock", "chicken stock"],
    ["For the sauce:", ""],
  ])("line %j is %j", (line, name) => {
    expect(lineOf(line)).toBe(name);
  });

  it.each([
    ["shrimp", "prawn"],
    ["Prawns", "prawn"],
    ["arugula", "rocket"],
    ["ground beef", "ground beef"],
    ["minced beef", "ground beef"],
    ["powdered sugar", "icing sugar"],
    ["tomatoes", "tomato"],
  ])("typed %j is %j", (typed, name) => {
    expect(resolveIngredient(typed)).toBe(name);
  });

  it("keeps a name the dictionary does not know as its normalised self", () => {
    expect(resolveIngredient("2 Blorbfruits, diced")).toBe("blorbfruit");
  });

  it("covers kinds and forms downwards only", () => {
    expect(covers("chicken", "chicken thigh")).toBe(true);
    expect(covers("rice", "basmati rice")).toBe(true);
    expect(covers("rice", "long-grain rice")).toBe(true);
    expect(covers("prawn", "king prawn")).toBe(true);
    expect(covers("cheese", "cheddar")).toBe(true);
    expect(covers("basmati rice", "rice")).toBe(false);
    expect(covers("chicken thigh", "chicken")).toBe(false);
  });

  it("never covers a different food that carries the name", () => {
    expect(covers("chicken", resolveIngredient("chicken stock"))).toBe(false);
    expect(covers("almond", resolveIngredient("almond milk"))).toBe(false);
    expect(covers("peanut", resolveIngredient("peanut butter"))).toBe(false);
    expect(covers("tomato", resolveIngredient("tomato paste"))).toBe(false);
  });

  it("gives an ingredient its kinds' diet facts", () => {
    expect(dietFlagsOf("chicken thigh") & dietBit("meat")).not.toBe(0);
    expect(dietFlagsOf("cheddar") & dietBit("dairy")).not.toBe(0);
    expect(dietFlagsOf("basmati rice")).toBe(0);
  });

  it("makes one term of two forms of an ingredient, and drops a typed term another one covers", () => {
    expect(resolveTypedTerms(["tomato", "Tomatoes", "shrimp", "prawns"])).toEqual(["tomato", "prawn"]);
    expect(resolveTypedTerms(["chicken thighs", "chicken", "rice"])).toEqual(["chicken", "rice"]);
    expect(resolveTypedTerms(["", "  "])).toEqual([]);
  });
});
