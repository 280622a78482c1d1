import { parseIngredient } from "parse-ingredient";
import type { RecipeIngredient } from "@/infra/db/schema";
import { normalizeIngredientName, removeParentheticals } from "./normalise";
import { hasLetter, leadingNoiseEnd } from "./tokens";
import { ARTICLE_BEFORE_UNIT, FREE_UNIT_WORDS, PARSE_OPTIONS } from "./units";

/** One line of a recipe as parse-ingredient reads it; `name` is the line's text, not yet normalised. */
export type ParsedIngredient = RecipeIngredient;

/** Words of a line handed to parse-ingredient, and their longest length (see parseIngredientLine). */
const PARSER_HEAD_WORDS = 4;

const PARSER_MAX_WORD = 14;

/** Only this much of a single line is handed to the parser (its run time grows quadratically on hostile input). */
const MAX_PARSE_INPUT_CHARS = 500;

/** Never drops a line: when the parser leaves no usable name ("salt to taste"), the whole line is the name. */
export function parseIngredientLine(line: string): ParsedIngredient {
  const trimmed = typeof line === "string" ? line.trim() : "";
  // The name is bounded even for absurd input; the line itself is returned as given.
  const fallback: ParsedIngredient = {
    line: trimmed,
    quantity: null,
    quantity2: null,
    unit: null,
    name: trimmed.slice(0, MAX_PARSE_INPUT_CHARS),
  };
  if (trimmed === "") return fallback;

  try {
    // parse-ingredient splits on newlines: keep it to one line.
    let work = trimmed
      .slice(0, MAX_PARSE_INPUT_CHARS)
      .replace(/[\p{Cf}\p{Cs}]/gu, "")
      .replace(/\p{Cc}+/gu, " ")
      .replace(/^[-*•·▪◦‣⁃–—]+\s*/u, "") // list bullets; parse-ingredient keeps a leading "-" as text
      .trim();
    // parse-ingredient finds no unit after a parenthetical ("1 (400 g) can chickpeas").
    const withoutParens = removeParentheticals(work);
    if (hasLetter(withoutParens)) work = withoutParens;
    // "a handful of basil" → "1 handful of basil", so the unit is recognised.
    work = work.replace(ARTICLE_BEFORE_UNIT, "1 ");

    // parse-ingredient backtracks exponentially on a long word next to some characters (seconds, doubling per letter).
    // Quantity and unit are among the first words: only those, while short, go to the parser; the rest joins the name.
    const words = work.split(/\s+/);
    let headLength = 0;
    while (headLength < Math.min(words.length, PARSER_HEAD_WORDS) && words[headLength]!.length <= PARSER_MAX_WORD) headLength++;
    const head = words.slice(0, headLength).join(" ");
    const tail = words.slice(headLength).join(" ");
    const parsedHead = head ? parseIngredient(head, PARSE_OPTIONS)[0] : undefined;
    const first = parsedHead
      ? { ...parsedHead, description: [parsedHead.description.trim(), tail].filter(Boolean).join(" ") }
      : tail
        ? { quantity: null, quantity2: null, unitOfMeasureID: null, unitOfMeasure: null, description: tail, isGroupHeader: false }
        : undefined;
    if (!first || first.isGroupHeader) return fallback;

    let quantity = finiteOrNull(first.quantity);
    let quantity2 = finiteOrNull(first.quantity2);
    let unit = first.unitOfMeasureID;
    let description = first.description.trim();
    // parse-ingredient reads "00 flour" as quantity 0; a zero amount is never meant.
    if (quantity === 0) {
      quantity = null;
      quantity2 = null;
      unit = null;
      description = work;
    }
    // Without a quantity, a short or ambiguous "unit" is a misread word: "in a pan", "T bone", "l'orange", "clove oil".
    if (quantity === null && unit !== null && !FREE_UNIT_WORDS.has((first.unitOfMeasure ?? "").toLowerCase().replace(/\.$/, ""))) {
      unit = null;
      description = work;
    }
    description = tidyDescription(description);

    return {
      line: trimmed,
      quantity,
      quantity2,
      unit,
      name: hasLetter(description) ? description : fallback.name,
    };
  } catch {
    return fallback;
  }
}

function finiteOrNull(n: number | null): number | null {
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

/** Drops measure leftovers the parser keeps: "x 400g tin chopped tomatoes" → "chopped tomatoes", "g/4oz butter" → "butter". */
function tidyDescription(description: string): string {
  const tokens = description.split(/\s+/).filter((t) => t !== "");
  const start = leadingNoiseEnd(
    tokens.map((t) => t.toLowerCase()),
    "measure-only",
  );
  return start > 0 ? tokens.slice(start).join(" ") : description;
}

export function ingredientNameOf(line: string): string {
  return normalizeIngredientName(parseIngredientLine(line).name);
}
