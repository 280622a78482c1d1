import type { RecipeIngredient } from "@/infra/db/schema";

// Scaling a recipe to other servings: each line's leading amount is recalculated in its own text,
// so the rest of the line (unit, name, notes) stays as written. Browser-safe, no dictionary.

/** The fewest and most servings a recipe can be scaled to. */
export const MIN_SERVINGS = 1;
export const MAX_SERVINGS = 100;

const VULGAR: Record<string, number> = {
  "½": 1 / 2,
  "⅓": 1 / 3,
  "⅔": 2 / 3,
  "¼": 1 / 4,
  "¾": 3 / 4,
  "⅕": 1 / 5,
  "⅖": 2 / 5,
  "⅗": 3 / 5,
  "⅘": 4 / 5,
  "⅙": 1 / 6,
  "⅚": 5 / 6,
  "⅛": 1 / 8,
  "⅜": 3 / 8,
  "⅝": 5 / 8,
  "⅞": 7 / 8,
};
const VULGAR_CLASS = Object.keys(VULGAR).join("");

/** The friendly fractions shown, where an amount comes close to one. */
const SHOWN_FRACTIONS: readonly [number, string][] = [
  [1 / 4, "¼"],
  [1 / 3, "⅓"],
  [1 / 2, "½"],
  [2 / 3, "⅔"],
  [3 / 4, "¾"],
];
const FRACTION_TOLERANCE = 0.02;

// One amount: "1 1/2", "1/2", "1½", "½", "1.5", ".5"; a range joins two with -, –, — or "to".
const AMOUNT = `(?:\\d+\\s+\\d+\\s*[/⁄]\\s*\\d+|\\d+\\s*[/⁄]\\s*\\d+|\\d*\\s?[${VULGAR_CLASS}]|\\d+(?:\\.\\d+)?|\\.\\d+)`;
const LEADING_AMOUNT = new RegExp(`^(\\s*[-*•·▪◦‣⁃–—]*\\s*)(${AMOUNT})(?:(\\s*(?:-|–|—|to)\\s*)(${AMOUNT}))?(?![\\d/⁄.])`, "iu");
// "a handful of basil", "an onion": parse-line reads the article as 1.
const LEADING_ARTICLE = /^(\s*[-*•·▪◦‣⁃–—]*\s*)(an?|one)(?=\s)/iu;

/** The value of one amount as written, or null. */
export function amountValue(text: string): number | null {
  const trimmed = text.trim();
  const mixed = /^(\d+)\s+(\d+)\s*[/⁄]\s*(\d+)$/.exec(trimmed);
  if (mixed) return Number(mixed[3]) === 0 ? null : Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3]);
  const fraction = /^(\d+)\s*[/⁄]\s*(\d+)$/.exec(trimmed);
  if (fraction) return Number(fraction[2]) === 0 ? null : Number(fraction[1]) / Number(fraction[2]);
  const vulgar = new RegExp(`^(\\d*)\\s?([${VULGAR_CLASS}])$`, "u").exec(trimmed);
  if (vulgar) return Number(vulgar[1] || 0) + VULGAR[vulgar[2]!]!;
  const value = Number(trimmed);
  return trimmed !== "" && Number.isFinite(value) ? value : null;
}

/** 1.5 → "1½", 0.3333 → "⅓", 2 → "2", 1.234 → "1.23", 133.333 → "133.33"; never "NaN" or "0". */
export function formatAmount(value: number): string {
  if (!Number.isFinite(value) || value <= 0) return "";
  const whole = Math.floor(value);
  const part = value - whole;
  if (part < FRACTION_TOLERANCE / 2) return String(whole || Math.round(value * 100) / 100 || 0.01);
  if (part > 1 - FRACTION_TOLERANCE / 2) return String(whole + 1);
  // Fractions read well for small amounts ("1½ cups"); "133⅓ g" does not.
  if (whole < 10) {
    const close = SHOWN_FRACTIONS.find(([fraction]) => Math.abs(part - fraction) < FRACTION_TOLERANCE);
    if (close) return `${whole || ""}${close[1]}`;
  }
  const rounded = Math.round(value * 100) / 100;
  return String(rounded > 0 ? rounded : 0.01);
}

export type ScaledLine = { text: string; scaled: boolean };

/**
 * The line for `factor` times the recipe's servings: its leading amount (both ends of a range)
 * recalculated, the rest as written. A line without an amount ("salt to taste", a heading) is kept
 * as it is, and so is every line at factor 1.
 */
export function scaleIngredientLine(ingredient: Pick<RecipeIngredient, "line" | "quantity">, factor: number): ScaledLine {
  const line = ingredient.line;
  if (!Number.isFinite(factor) || factor <= 0 || factor === 1 || ingredient.quantity === null) return { text: line, scaled: false };
  const amount = LEADING_AMOUNT.exec(line);
  if (amount) {
    const [whole, prefix = "", first = "", joiner, second] = amount;
    const from = amountValue(first);
    const to = second === undefined ? null : amountValue(second);
    if (from !== null && from > 0 && (second === undefined || (to !== null && to > 0))) {
      const scaled = formatAmount(from * factor) + (to !== null ? `${joiner}${formatAmount(to * factor)}` : "");
      // A vulgar fraction glued to the next word ("½cup") keeps a space after the new amount.
      const rest = line.slice(whole.length);
      return { text: `${prefix}${scaled}${/^[\p{L}]/u.test(rest) && /\d$/.test(scaled) ? " " : ""}${rest}`, scaled: true };
    }
  }
  const article = LEADING_ARTICLE.exec(line);
  if (article && ingredient.quantity === 1) {
    const [whole, prefix = ""] = article;
    return { text: `${prefix}${formatAmount(factor)}${line.slice(whole.length)}`, scaled: true };
  }
  // An amount the parser found somewhere this cannot rewrite: the line stays, with how much more.
  return { text: `${line} (× ${formatAmount(factor)})`, scaled: true };
}

/** The servings asked for in `?servings=`, or the recipe's own when absent or not a whole number in range. */
export function parseServings(value: unknown, recipeServings: number): number {
  const text = Array.isArray(value) ? value.at(-1) : value;
  if (typeof text !== "string" || !/^\d{1,3}$/.test(text.trim())) return recipeServings;
  const servings = Number(text.trim());
  return servings >= MIN_SERVINGS && servings <= MAX_SERVINGS ? servings : recipeServings;
}
