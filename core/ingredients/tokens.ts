import pluralize from "pluralize";
import { FREE_UNIT_WORDS, GLUED_MEASURE_TOKEN, QUANTITY_TOKEN, RISKY_UNIT_WORDS, UNIT_WORDS } from "./units";
import {
  DANGLING_WORDS,
  DESCRIPTOR_PARTS,
  DESCRIPTORS,
  INVARIANT_WORDS,
  LEAFY_HERBS,
  QUANTIFIERS,
  SINGULAR_OVERRIDES,
  TRAILING_PHRASES,
} from "./words";

const HAS_LETTER = /\p{L}/u;

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function hasLetter(s: string): boolean {
  return HAS_LETTER.test(s);
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

/** "full": quantities, units, quantifiers and descriptors; "measures": the same without descriptors; "measure-only": only a leading measure. */
type StripMode = "full" | "measures" | "measure-only";

/**
 * Index of the first token of the ingredient itself (tokens in lower case): past quantities, units,
 * "x", "of", quantifiers and, in "full" mode, descriptors; never past the last token.
 */
export function leadingNoiseEnd(tokens: readonly string[], mode: StripMode): number {
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
    } else if (FREE_UNIT_WORDS.has(t) && (mode !== "measure-only" || last === "measure")) {
      kind = "measure";
    } else if (UNIT_WORDS.has(t) && last === "measure") {
      kind = "measure";
    } else if (
      RISKY_UNIT_WORDS.has(t) &&
      mode !== "measure-only" &&
      (last !== "none" || next === "of" || ((t === "clove" || t === "cloves") && next === "garlic"))
    ) {
      kind = "measure"; // "large cloves garlic", "thumb-sized piece of ginger", "head of lettuce"
    } else if ((t === "to" || t === "or") && last === "measure" && isMeasureToken(next)) {
      kind = "measure"; // "2 or 3 potatoes"
    } else if (t === "of" && last !== "none") {
      kind = "measure";
    } else if (mode !== "measure-only") {
      if (QUANTIFIERS.has(t)) kind = "measure";
      else if (mode === "measures") kind = null;
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

export function stripTrailingNoise(tokens: string[]): string[] {
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

export function singularizeLast(tokens: string[]): string[] {
  if (tokens.length === 0) return tokens;
  const out = [...tokens];
  out[out.length - 1] = singularWord(out[out.length - 1] ?? "");
  return out;
}

/** "basil leaves" → "basil", "garlic cloves" → "garlic", "thyme sprigs" → "thyme", "celery sticks" → "celery". */
export function dropTrailingPartWord(tokens: string[]): string[] {
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
