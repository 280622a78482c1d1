import { normalizeIngredientName } from "./normalise";

/** Only this much of the search box is looked at. */
const MAX_QUERY_INPUT_CHARS = 2_000;

const DEFAULT_MAX_TERMS = 12;

/**
 * "Tomatoes, eggs; basil" → ["tomato", "egg", "basil"]: split on commas, semicolons and newlines,
 * normalised, without empties or duplicates, at most `maxTerms`. Never throws.
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
