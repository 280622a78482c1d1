import { readFileSync } from "node:fs";
import path from "node:path";

/** The shapes of tests/relevance/judgements.json, with the minimum number of queries each must have. */
export const SHAPE_MINIMUMS = {
  kind: 25,
  leaf: 25,
  "other-name": 15,
  fridge: 20,
  without: 15,
  diet: 15,
  trap: 10,
} as const;

export type Shape = keyof typeof SHAPE_MINIMUMS;
export const SHAPES = Object.keys(SHAPE_MINIMUMS) as Shape[];

export const JUDGED_DIETS = ["vegetarian", "vegan", "gluten-free", "dairy-free"] as const;
export type JudgedDiet = (typeof JUDGED_DIETS)[number];

export type JudgedQuery = {
  id: string;
  shape: Shape;
  /** As a cook types them, one term each ("chicken thighs", "Tomatoes"). */
  ingredients: string[];
  without?: string[];
  diets?: JudgedDiet[];
  /** The search's default (true) when absent. */
  assumeStaples?: boolean;
  /** Catalogue titles a cook judges relevant (see the rules); order does not count. */
  relevant: string[];
  note?: string;
};

export type Judgements = { rules: string[]; queries: JudgedQuery[] };

export const JUDGEMENTS_PATH = path.join(process.cwd(), "tests", "relevance", "judgements.json");

export function loadJudgements(file: string = JUDGEMENTS_PATH): Judgements {
  return JSON.parse(readFileSync(file, "utf8")) as Judgements;
}
