/**
 * Ingredient parsing and normalisation for Pantry.
 *
 * Pure functions only: no Node APIs, no I/O, no global state mutated
 * (pluralize's shared rule tables are deliberately left untouched), so this
 * module is safe to import from both server and client components.
 *
 * `normalizeIngredientName` is THE normalisation: use it when saving a
 * recipe's ingredients and when reading the search box, so both sides agree.
 */
import { parseIngredient, unitsOfMeasure } from "parse-ingredient";
import type { ParseIngredientOptions, UnitOfMeasure, UnitOfMeasureDefinitions } from "parse-ingredient";
import pluralize from "pluralize";

export type ParsedIngredient = {
  /** The original line, trimmed. */
  line: string;
  quantity: number | null;
  /** Upper bound of a range ("2-3 cloves" → 3), else null. */
  quantity2: number | null;
  /** parse-ingredient's canonical unit id ("tablespoon", "gram", "can", "handful"...), else null. */
  unit: string | null;
  /** The ingredient text without its quantity and unit, e.g. "chickpeas, drained". Never empty for a non-empty line. */
  name: string;
};

/* ------------------------------------------------------------------ limits */

/** Words of a line handed to parse-ingredient, and their longest length (see parseIngredientLine). */
const PARSER_HEAD_WORDS = 4;
const PARSER_MAX_WORD = 14;

/** Longest normalised name returned. */
const MAX_NAME_CHARS = 60;
/** Only this much of a single name is looked at (a real ingredient is far shorter). */
const MAX_NAME_INPUT_CHARS = 500;
/** Only this much of a single line is handed to the parser (its run time grows quadratically on hostile input). */
const MAX_PARSE_INPUT_CHARS = 500;
/** Only this much of the search box is looked at. */
const MAX_QUERY_INPUT_CHARS = 2_000;
const DEFAULT_MAX_TERMS = 12;

/* ------------------------------------------------------------------ units */

function withAlternates(id: string, extra: readonly string[]): UnitOfMeasureDefinitions {
  const base: UnitOfMeasure | undefined = unitsOfMeasure[id];
  if (!base) return {};
  return { [id]: { ...base, alternates: [...(base.alternates ?? []), ...extra] } };
}

/**
 * Units parse-ingredient 3.0.0 does not know (handful, tin, slice...) plus
 * British spellings of ones it does (litre, millilitre).
 */
const EXTRA_UOMS: UnitOfMeasureDefinitions = {
  ...withAlternates("liter", ["litre", "litres", "ltr"]),
  ...withAlternates("milliliter", ["millilitre", "millilitres"]),
  ...withAlternates("kilogram", ["kilo", "kilos", "kgs"]),
  ...withAlternates("gram", ["gramme", "grammes", "gr"]),
  ...withAlternates("tablespoon", ["tbs", "tbl", "tbls", "tbsps"]),
  ...withAlternates("teaspoon", ["tsps"]),
  handful: { short: "handful", plural: "handfuls", alternates: [], type: "other" },
  tin: { short: "tin", plural: "tins", alternates: [], type: "count" },
  jar: { short: "jar", plural: "jars", alternates: [], type: "count" },
  bottle: { short: "bottle", plural: "bottles", alternates: [], type: "count" },
  packet: { short: "packet", plural: "packets", alternates: ["sachet", "sachets"], type: "count" },
  punnet: { short: "punnet", plural: "punnets", alternates: [], type: "count" },
  slice: { short: "slice", plural: "slices", alternates: [], type: "count" },
  stalk: { short: "stalk", plural: "stalks", alternates: [], type: "count" },
  rasher: { short: "rasher", plural: "rashers", alternates: [], type: "count" },
  sheet: { short: "sheet", plural: "sheets", alternates: [], type: "count" },
  knob: { short: "knob", plural: "knobs", alternates: [], type: "other" },
  splash: { short: "splash", plural: "splashes", alternates: [], type: "other" },
};

const PARSE_OPTIONS: ParseIngredientOptions = { additionalUOMs: EXTRA_UOMS };

/** Every spelling of every unit, lower case, without a trailing dot. Multi-word spellings contribute each word. */
const UNIT_WORDS: ReadonlySet<string> = (() => {
  const words = new Set<string>();
  const all: UnitOfMeasureDefinitions = { ...unitsOfMeasure, ...EXTRA_UOMS };
  for (const [id, def] of Object.entries(all)) {
    for (const spelling of [id, def.short, def.plural, ...(def.alternates ?? [])]) {
      for (const word of spelling.toLowerCase().split(/\s+/)) {
        const w = word.replace(/\.$/, "");
        if (w) words.add(w);
      }
    }
  }
  return words;
})();

/**
 * Unit words that may be stripped only right after a quantity ("2 in ginger",
 * "3 cloves garlic"), because on their own they are ordinary words or real
 * ingredients ("clove oil", "in season", "t-bone").
 */
const RISKY_UNIT_WORDS: ReadonlySet<string> = new Set([
  "clove", "cloves", "stick", "sticks", "head", "heads", "ear", "ears", "drop", "drops",
  "inch", "inches", "foot", "feet", "yard", "yards", "meter", "meters", "fluid",
]);

/** Unit words safe to strip at the start of a name even without a quantity ("pinch of salt", "tbsp flour"). */
const FREE_UNIT_WORDS: ReadonlySet<string> = new Set(
  [...UNIT_WORDS].filter((w) => w.length > 2 && !RISKY_UNIT_WORDS.has(w)),
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const UNIT_ALTERNATION = [...UNIT_WORDS]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");

const NUM = String.raw`\d+(?:[.,]\d+)?(?:/\d+)?`;
/** "2", "1.5", "1/2", "2-3", "1-1/2" (NFKC turns "1½" into "11⁄2", which is also caught). */
const QUANTITY_TOKEN = new RegExp(`^${NUM}(?:-${NUM})?$`);
/** "400g", "250ml", "14-ounce", "2-inch", "1.5kg". */
const GLUED_MEASURE_TOKEN = new RegExp(`^${NUM}(?:-${NUM})?-?(?:${UNIT_ALTERNATION})\\.?$`);
/** "a handful ..." → "1 handful ..." so the parser sees a quantity and a unit. */
const ARTICLE_BEFORE_UNIT = new RegExp(
  `^(?:a|an)\\s+(?=(?:${[...FREE_UNIT_WORDS].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")})\\b)`,
  "i",
);

/* ------------------------------------------------------------------ word lists */

/** Words that say how much, not what. Stripped from the start of a name. */
const QUANTIFIERS: ReadonlySet<string> = new Set([
  "a", "an", "the", "some", "few", "several", "couple", "little", "bit", "plenty",
  "about", "approx", "approximately", "around", "roughly", "half", "quarter",
  "drizzle", "glug", "dollop", "sprinkle", "sprinkling", "squeeze", "touch", "hint", "smidgen",
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
]);

/**
 * Leading descriptors (preparation, size, ripeness, quality) that do not
 * change what the ingredient is. "ground" is deliberately NOT here: ground
 * cumin is a different product from cumin seeds. Neither are "dried",
 * "smoked", "toasted", "whole", "plain", "hot", "cold", "baby" or "frozen",
 * which often name a distinct product (plain flour, hot sauce, smoked paprika).
 */
const DESCRIPTORS: ReadonlySet<string> = new Set([
  "fresh", "freshly", "chopped", "diced", "minced", "sliced", "grated", "shredded", "crushed",
  "peeled", "deseeded", "pitted", "halved", "quartered", "cubed", "trimmed", "rinsed", "drained",
  "softened", "melted", "beaten", "sifted", "packed", "firmly", "loosely", "cut",
  "finely", "roughly", "coarsely", "thinly", "thickly", "lightly",
  "large", "small", "medium", "big", "jumbo", "extra-large", "ripe", "boneless", "skinless",
  "bone-in", "skin-on", "organic", "free-range", "good-quality", "good", "quality",
  "heaping", "heaped", "level", "scant", "generous", "extra", "virgin", "extra-virgin",
  "unsalted", "lean", "cooked", "uncooked", "canned", "tinned",
]);

/** Extra words allowed inside hyphenated descriptors: "medium-sized", "thumb-size", "bite-sized". */
const DESCRIPTOR_PARTS: ReadonlySet<string> = new Set(["sized", "size", "thumb", "bite"]);

/** Phrases dropped from the end of a name ("salt and pepper to taste"). */
const TRAILING_PHRASES: readonly (readonly string[])[] = [
  ["to", "taste"], ["to", "serve"], ["for", "serving"], ["to", "garnish"], ["for", "garnish"],
  ["for", "garnishing"], ["to", "decorate"], ["for", "decoration"], ["optional"], ["as", "needed"],
  ["as", "required"], ["if", "needed"], ["for", "frying"], ["for", "greasing"], ["for", "dusting"],
  ["for", "brushing"], ["plus", "extra"], ["or", "more"], ["or", "less"], ["divided"],
  ["at", "room", "temperature"], ["room", "temperature"],
];
const DANGLING_WORDS: ReadonlySet<string> = new Set(["and", "or", "of", "plus", "with"]);

/** Herbs/leaves whose "leaves" are the ingredient itself: "basil leaves" → "basil". Not bay or curry leaves. */
const LEAFY_HERBS: ReadonlySet<string> = new Set([
  "basil", "mint", "coriander", "cilantro", "parsley", "sage", "thyme", "oregano", "tarragon",
  "dill", "rosemary", "marjoram", "chervil", "spinach", "rocket", "arugula", "watercress",
]);

/** Words pluralize.singular gets wrong in a kitchen; left exactly as they are. */
const INVARIANT_WORDS: ReadonlySet<string> = new Set([
  "hummus", "houmous", "couscous", "asparagus", "molasses", "grits", "swiss", "haggis", "gras",
  "bitters", "schnapps", "greens", "brussels", "citrus", "octopus", "hibiscus", "jus",
  "lemongrass", "watercress", "cress", "bass", "pastis", "series", "species",
]);

/** Plurals pluralize.singular turns into the wrong singular. */
const SINGULAR_OVERRIDES: Readonly<Record<string, string>> = {
  chilies: "chili",
  chillies: "chilli",
  cookies: "cookie",
  brownies: "brownie",
  veggies: "veggie",
  smoothies: "smoothie",
  hoagies: "hoagie",
  pierogies: "pierogi",
  avocadoes: "avocado",
};

/* ------------------------------------------------------------------ pantry staples */

/**
 * Normalised names treated like Spoonacular's `ignorePantry`: nearly every
 * kitchen has them, so they should not decide which recipes match.
 * Beyond the obvious: table salt, canola/rapeseed oil, granulated/white sugar
 * and plain flour (British all-purpose) are the same staples under other
 * names; "salt and pepper" is how recipes very often write the pair;
 * "ground black pepper" and the water variants are what our own
 * normalisation yields for very common lines; cooking spray replaces oil.
 */
export const PANTRY_STAPLES: ReadonlySet<string> = new Set([
  "salt", "sea salt", "kosher salt", "table salt",
  "black pepper", "ground black pepper", "pepper", "salt and pepper",
  "water", "boiling water", "cold water", "warm water", "hot water", "ice", "ice cube",
  "oil", "cooking oil", "vegetable oil", "olive oil", "sunflower oil", "canola oil", "rapeseed oil",
  "cooking spray",
  "sugar", "white sugar", "granulated sugar",
  "flour", "all-purpose flour", "plain flour",
]);

/** True for a pantry staple. Accepts a normalised name; a raw name is normalised first. */
export function isPantryStaple(normalisedName: string): boolean {
  if (typeof normalisedName !== "string") return false;
  return PANTRY_STAPLES.has(normalisedName) || PANTRY_STAPLES.has(normalizeIngredientName(normalisedName));
}

/* ------------------------------------------------------------------ helpers */

const HAS_LETTER = /\p{L}/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function hasLetter(s: string): boolean {
  return HAS_LETTER.test(s);
}

/** Removes "(...)" and "[...]" groups, including nested ones; an unclosed "(" drops the rest. */
function removeParentheticals(s: string): string {
  let out = "";
  let depth = 0;
  for (const ch of s) {
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out.replace(/\s+/g, " ").trim();
}

function isQuantityToken(t: string): boolean {
  // "00 flour" is a flour grade, not a quantity of zero.
  return QUANTITY_TOKEN.test(t) && /[1-9]/.test(t);
}

/** "400g", "g/4oz", "100g/4oz", "1/2" — a token made only of numbers and units. */
function isMeasureToken(t: string): boolean {
  if (isQuantityToken(t) || GLUED_MEASURE_TOKEN.test(t)) return true;
  if (!t.includes("/")) return false;
  const parts = t.split("/");
  return parts.every((p) => p !== "" && (isQuantityToken(p) || GLUED_MEASURE_TOKEN.test(p) || UNIT_WORDS.has(p.replace(/\.$/, ""))));
}

function isDescriptorToken(t: string): boolean {
  if (DESCRIPTORS.has(t)) return true;
  if (!t.includes("-")) return false;
  const parts = t.split("-");
  return parts.every((p) => DESCRIPTORS.has(p) || DESCRIPTOR_PARTS.has(p));
}

type StripMode = "full" | "measure-only";

/**
 * Index of the first token that is part of the ingredient itself, skipping
 * quantities, units, "x", "of", quantifiers and (in "full" mode) descriptors.
 * The last token is never skipped, so something always remains.
 * Tokens must already be lower case.
 */
function leadingNoiseEnd(tokens: readonly string[], mode: StripMode): number {
  let i = 0;
  let last: "none" | "measure" | "descriptor" = "none";
  let prevToken = "";
  while (i < tokens.length - 1) {
    const raw = tokens[i] ?? "";
    const t = raw.replace(/\.$/, "");
    const next = tokens[i + 1] ?? "";
    let kind: "measure" | "descriptor" | null = null;

    if (!HAS_LETTER_OR_DIGIT.test(raw)) {
      kind = last === "descriptor" ? "descriptor" : last === "measure" ? "measure" : null;
      if (kind === null) {
        i++;
        continue; // leading junk such as "-" or "'"
      }
    } else if (isMeasureToken(t)) {
      kind = "measure";
    } else if ((t === "x" || t === "×") && (last === "measure" || isMeasureToken(next))) {
      kind = "measure";
    } else if (FREE_UNIT_WORDS.has(t) && (mode === "full" || last === "measure")) {
      kind = "measure";
    } else if (UNIT_WORDS.has(t) && last === "measure") {
      kind = "measure";
    } else if (
      RISKY_UNIT_WORDS.has(t) &&
      mode === "full" &&
      (last !== "none" || next === "of" || ((t === "clove" || t === "cloves") && next === "garlic"))
    ) {
      kind = "measure"; // "large cloves garlic", "thumb-sized piece of ginger", "head of lettuce"
    } else if ((t === "to" || t === "or") && last === "measure" && isMeasureToken(next)) {
      kind = "measure"; // "2 or 3 potatoes"
    } else if (t === "of" && last !== "none") {
      kind = "measure";
    } else if (mode === "full") {
      if (QUANTIFIERS.has(t)) kind = "measure";
      else if (isDescriptorToken(t)) kind = "descriptor";
      else if (t === "ground" && prevToken === "freshly") kind = "descriptor";
      else if ((t === "and" || t === "or") && last === "descriptor" && isDescriptorToken(next)) kind = "descriptor";
    }

    if (kind === null) break;
    if (mode === "measure-only" && i === 0 && !isMeasureToken(t) && t !== "x") break;
    last = kind;
    prevToken = t;
    i++;
  }
  return i;
}

function stripTrailingNoise(tokens: string[]): string[] {
  const out = [...tokens];
  let changed = true;
  while (changed && out.length > 1) {
    changed = false;
    const lastTok = out[out.length - 1] ?? "";
    if (/^x\d+$/.test(lastTok) || DANGLING_WORDS.has(lastTok) || !HAS_LETTER_OR_DIGIT.test(lastTok)) {
      out.pop();
      changed = true;
      continue;
    }
    for (const phrase of TRAILING_PHRASES) {
      if (out.length <= phrase.length) continue;
      const tail = out.slice(out.length - phrase.length);
      if (tail.every((w, k) => w === phrase[k])) {
        out.splice(out.length - phrase.length, phrase.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

function singularWord(word: string): string {
  if (word.length < 3 || !word.endsWith("s")) return word;
  if (INVARIANT_WORDS.has(word)) return word;
  const override = SINGULAR_OVERRIDES[word];
  if (override !== undefined) return override;
  const s = pluralize.singular(word);
  return s.length > 0 ? s : word;
}

function singularizeLast(tokens: string[]): string[] {
  if (tokens.length === 0) return tokens;
  const out = [...tokens];
  out[out.length - 1] = singularWord(out[out.length - 1] ?? "");
  return out;
}

/** "basil leaves" → "basil", "garlic cloves" → "garlic", "thyme sprigs" → "thyme", "celery sticks" → "celery". */
function dropTrailingPartWord(tokens: string[]): string[] {
  if (tokens.length < 2) return tokens;
  const lastTok = tokens[tokens.length - 1] ?? "";
  const prev = tokens[tokens.length - 2] ?? "";
  const drop =
    ((lastTok === "leaves" || lastTok === "leaf") && LEAFY_HERBS.has(prev)) ||
    ["sprig", "sprigs", "stalk", "stalks"].includes(lastTok) ||
    ((lastTok === "clove" || lastTok === "cloves") && prev === "garlic") ||
    (["stick", "sticks", "rib", "ribs"].includes(lastTok) && prev === "celery");
  return drop ? tokens.slice(0, -1) : tokens;
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

/* ------------------------------------------------------------------ public API */

/**
 * The one normalisation for ingredient names (saving and searching).
 * "2 Large Eggs, beaten" → "egg", "freshly ground black pepper" → "black pepper",
 * "juice of 1 lemon" → "lemon juice". Returns "" when nothing usable is left,
 * including for section headings such as "For the sauce:".
 */
export function normalizeIngredientName(name: string): string {
  if (typeof name !== "string") return "";
  let s = cleanText(name, MAX_NAME_INPUT_CHARS).trim();

  // Section headings ("For the dressing:", "Sauce:") are not ingredients.
  if (/:\s*$/.test(s) || /^for\s/.test(s)) return "";

  s = removeParentheticals(s);
  // Preparation notes follow the first comma ("tomatoes, chopped"); a decimal comma ("1,5 kg") is not one.
  s = s.split(/(?<!\d),|,(?!\d)|;/)[0] ?? "";
  // Keep letters, marks, digits, spaces and the punctuation quantities need for now.
  s = s.replace(/[^\p{L}\p{M}\p{N}\s'\-/.,]/gu, " ");

  let tokens = s.split(/\s+/).filter((t) => t !== "");
  tokens = stripTrailingNoise(tokens);
  tokens = tokens.slice(leadingNoiseEnd(tokens, "full"));

  // "juice of 1 lemon" → "lemon juice"; "zest and juice of 2 limes" → "lime".
  const juice = rewriteJuiceAndZest(tokens);
  if (juice) tokens = juice;

  // Now drop the punctuation kept for quantities and tidy token edges.
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

const JUICE_PREFIXES: readonly (readonly string[])[] = [
  ["zest", "and", "juice"], ["juice", "and", "zest"], ["juice"], ["zest"], ["rind"],
];

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

/**
 * Parses one recipe ingredient line with parse-ingredient. Never drops a line:
 * when the parser leaves no usable name (free text such as "salt to taste"),
 * the whole line is the name.
 */
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

    // parse-ingredient backtracks exponentially on a long word next to some characters
    // ("2 potatoes xxxxxxxxxxxxxxxxxxxxxxxx…" takes seconds, doubling per letter): a line typed
    // into a form must never stall the server. Quantity and unit are always among the first few
    // words, so only those, and only while they are short, go to the parser; the rest of the line
    // is appended to the name it finds.
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
  const start = leadingNoiseEnd(tokens.map((t) => t.toLowerCase()), "measure-only");
  return start > 0 ? tokens.slice(start).join(" ") : description;
}

/** parseIngredientLine + normalizeIngredientName: the searchable name of a recipe line. */
export function ingredientNameOf(line: string): string {
  return normalizeIngredientName(parseIngredientLine(line).name);
}

/**
 * The home page search box: "Tomatoes, eggs; basil" → ["tomato", "egg", "basil"].
 * Splits on commas, semicolons and newlines, normalises each term, drops
 * empties and duplicates (first one wins), and returns at most `maxTerms`.
 * Never throws; only the first 2,000 characters are read.
 */
export function parseIngredientQuery(input: string, maxTerms: number = DEFAULT_MAX_TERMS): string[] {
  try {
    if (typeof input !== "string") return [];
    const cap = Number.isFinite(maxTerms) ? Math.max(0, Math.floor(maxTerms)) : DEFAULT_MAX_TERMS;
    if (cap === 0) return [];
    const text = input.slice(0, MAX_QUERY_INPUT_CHARS).normalize("NFKC");
    const terms: string[] = [];
    const seen = new Set<string>();
    for (const part of text.split(/[,;\n\r\u2028\u2029\u060C\u061B\u3001]+/)) {
      const term = normalizeIngredientName(part);
      if (term === "" || seen.has(term)) continue;
      seen.add(term);
      terms.push(term);
      if (terms.length >= cap) break;
    }
    return terms;
  } catch {
    return [];
  }
}
