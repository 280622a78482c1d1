import { dropTrailingPartWord, hasLetter, leadingNoiseEnd, singularizeLast, stripTrailingNoise } from "./tokens";

const MAX_NAME_CHARS = 60;

/** Only this much of a single name is looked at (a real ingredient is far shorter). */
const MAX_NAME_INPUT_CHARS = 500;

/** Removes "(...)" and "[...]" groups, including nested ones; an unclosed "(" drops the rest. */
export function removeParentheticals(s: string): string {
  let out = "";
  let depth = 0;
  for (const ch of s) {
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out.replace(/\s+/g, " ").trim();
}

/** Unicode clean-up shared by everything: NFKC, lower case, invisible/control characters, dash and quote variants. */
function cleanText(input: string, maxChars: number): string {
  return input
    .slice(0, maxChars)
    .normalize("NFKC")
    .slice(0, maxChars * 2)
    .toLowerCase()
    .replace(/&amp;/g, "&")
    .replace(/&nbsp;/g, " ")
    .replace(/[\p{Cf}\p{Cs}\p{Co}]/gu, "") // zero-width, bidi controls, BOM, soft hyphen, lone surrogates
    .replace(/[\t\n\v\f\r\u0085]/g, " ")
    .replace(/\p{Cc}/gu, "") // NUL and other control characters
    .replace(/[\u2018\u2019\u201B\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u2044\u2215]/g, "/")
    .replace(/&/g, " and ");
}

/**
 * One normalisation for saved lines and searches alike; pure (pluralize's rules untouched), so browser-safe. "2 Large Eggs, beaten" → "egg"; "" if nothing is left.
 * `keepDescriptors` keeps leading words such as "minced" or "unsalted", so the dictionary can recognise "minced beef" as a product of its own.
 */
export function normalizeIngredientName(name: string, { keepDescriptors = false } = {}): string {
  if (typeof name !== "string") return "";
  let s = cleanText(name, MAX_NAME_INPUT_CHARS).trim();

  // Section headings ("For the dressing:", "Sauce:") are not ingredients.
  if (/:\s*$/.test(s) || /^for\s/.test(s)) return "";

  s = removeParentheticals(s);
  // Preparation notes follow the first comma ("tomatoes, chopped"); a decimal comma ("1,5 kg") is not one.
  s = s.split(/(?<!\d),|,(?!\d)|;/)[0] ?? "";
  // Letters, marks, digits, spaces, and the punctuation quantities need until the rewrite below.
  s = s.replace(/[^\p{L}\p{M}\p{N}\s'\-/.,]/gu, " ");

  let tokens = s.split(/\s+/).filter((t) => t !== "");
  tokens = stripTrailingNoise(tokens);
  tokens = tokens.slice(leadingNoiseEnd(tokens, keepDescriptors ? "measures" : "full"));

  // "juice of 1 lemon" → "lemon juice"; "zest and juice of 2 limes" → "lime".
  const juice = rewriteJuiceAndZest(tokens);
  if (juice) tokens = juice;

  tokens = tokens
    .join(" ")
    .replace(/[/.,]/g, " ")
    .split(/\s+/)
    .map((t) => t.replace(/^['-]+|['-]+$/g, ""))
    .filter((t) => t !== "");
  tokens = stripTrailingNoise(tokens);
  tokens = dropTrailingPartWord(tokens);

  // Cap the length on a word boundary, then singularise the last word.
  const kept: string[] = [];
  let length = 0;
  for (const t of tokens) {
    const add = kept.length === 0 ? t.length : t.length + 1;
    if (length + add > MAX_NAME_CHARS) break;
    kept.push(t);
    length += add;
  }
  if (kept.length === 0 && tokens[0] !== undefined) kept.push(tokens[0].slice(0, MAX_NAME_CHARS));

  const result = singularizeLast(kept).join(" ").slice(0, MAX_NAME_CHARS).trim();
  return hasLetter(result) ? result : "";
}

const JUICE_PREFIXES: readonly (readonly string[])[] = [["zest", "and", "juice"], ["juice", "and", "zest"], ["juice"], ["zest"], ["rind"]];

function rewriteJuiceAndZest(tokens: readonly string[]): string[] | null {
  for (const prefix of JUICE_PREFIXES) {
    const n = prefix.length;
    if (tokens.length < n + 2 || tokens[n] !== "of") continue;
    if (!prefix.every((w, k) => tokens[k] === w)) continue;
    const rest = tokens.slice(n + 1);
    const fruit = singularizeLast(rest.slice(leadingNoiseEnd(rest, "full")));
    if (!fruit.some(hasLetter)) return null;
    return n === 1 ? [...fruit, prefix[0] ?? ""] : fruit;
  }
  return null;
}
