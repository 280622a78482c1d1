import { describe, expect, it } from "vitest";
import { catalogue } from "@/scripts/seed/catalogue/catalogue";
import { JUDGED_DIETS, loadJudgements, SHAPE_MINIMUMS, SHAPES } from "@/scripts/relevance/judgements";
import { scoreQuery } from "@/scripts/relevance/metrics";

// The judged set is data: these checks keep it well-formed. No database; `npm run relevance` measures the search.
const { rules, queries } = loadJudgements();
const titles = new Set(catalogue.map((recipe) => recipe.title));

describe("relevance judgements", () => {
  it("states its judging rules", () => {
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.trim()).not.toBe("");
  });

  it("has at least 120 queries with unique ids", () => {
    expect(queries.length).toBeGreaterThanOrEqual(120);
    const ids = queries.map((query) => query.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("meets each shape's minimum and uses no other shape", () => {
    for (const query of queries) expect(SHAPES, query.id).toContain(query.shape);
    for (const shape of SHAPES) {
      const count = queries.filter((query) => query.shape === shape).length;
      expect(count, shape).toBeGreaterThanOrEqual(SHAPE_MINIMUMS[shape]);
    }
  });

  it("judges only titles that are in the catalogue, each once", () => {
    for (const query of queries) {
      expect(
        query.relevant.filter((title) => !titles.has(title)),
        query.id,
      ).toEqual([]);
      expect(new Set(query.relevant).size, query.id).toBe(query.relevant.length);
    }
  });

  it("types at least one ingredient per query, and valid without, diets and assumeStaples values", () => {
    for (const query of queries) {
      expect(query.ingredients.length, query.id).toBeGreaterThan(0);
      for (const term of [...query.ingredients, ...(query.without ?? [])]) {
        expect(typeof term === "string" && term.trim() !== "", query.id).toBe(true);
      }
      if (query.without !== undefined) expect(query.without.length, query.id).toBeGreaterThan(0);
      if (query.diets !== undefined) {
        expect(query.diets.length, query.id).toBeGreaterThan(0);
        for (const diet of query.diets) expect(JUDGED_DIETS, query.id).toContain(diet);
      }
      if (query.assumeStaples !== undefined) expect(typeof query.assumeStaples, query.id).toBe("boolean");
    }
  });

  it("gives each shape its defining field: fridge 3-6 ingredients, without a without list, diet a diets list", () => {
    for (const query of queries) {
      if (query.shape === "fridge") expect(query.ingredients.length, query.id).toBeGreaterThanOrEqual(3);
      if (query.shape === "fridge") expect(query.ingredients.length, query.id).toBeLessThanOrEqual(6);
      if (query.shape === "without") expect(query.without?.length ?? 0, query.id).toBeGreaterThan(0);
      if (query.shape === "diet") expect(query.diets?.length ?? 0, query.id).toBeGreaterThan(0);
    }
  });
});

describe("relevance scoring", () => {
  const query = { id: "q", shape: "kind" as const, ingredients: ["rice"], relevant: ["A", "B"] };

  it("scores precision and recall per query", () => {
    const scored = scoreQuery(query, ["A", "C", "C"]);
    expect([scored.precision, scored.recall]).toEqual([0.5, 0.5]);
    expect([scored.missing, scored.extra]).toEqual([["B"], ["C"]]);
  });

  it("counts returning nothing as P = 1 only when nothing is relevant", () => {
    expect(scoreQuery({ ...query, relevant: [] }, [])).toMatchObject({ precision: 1, recall: 1 });
    expect(scoreQuery(query, [])).toMatchObject({ precision: 0, recall: 0 });
    expect(scoreQuery({ ...query, relevant: [] }, ["A"])).toMatchObject({ precision: 0, recall: 1 });
  });
});
