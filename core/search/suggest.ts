import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/infra/db";
import { canonicalOfKey, dictionaryIngredients, otherNamesOf } from "@/core/ingredients/dictionary";

/** One suggestion for the search box: the canonical name, and the written form that matched when it is another one. */
export type Suggestion = { name: string; matched: string | null; recipeCount: number };

/** What the typed text matched before the counts are known; `tier` orders exact (0), key prefix (1), word prefix (2). */
export type Candidate = { name: string; matched: string | null; tier: 0 | 1 | 2 };

/** Typed text longer than this matches nothing: no dictionary key is that long. */
export const MAX_SUGGEST_CHARS = 60;
export const MAX_SUGGEST_LIMIT = 20;

/**
 * The typed text as the dictionary writes its keys: NFKC, accents dropped, lower case, invisible
 * and control characters gone, curly quotes and dashes made plain, anything else a space, so
 * "Jalapeño", "  SHRI" and "crème fr" compare with "jalapeno", "shri" and "creme fr".
 */
export function normaliseTyped(text: unknown): string {
  if (typeof text !== "string") return "";
  return text
    .slice(0, MAX_SUGGEST_CHARS * 4)
    .normalize("NFKC")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\p{Cf}\p{Cs}\p{Co}\p{Cc}]/gu, "")
    .replace(/[\u2018\u2019\u201B\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[^a-z0-9' -]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** One place a typed text can start: a whole key (`start` 0) or one of its later words. */
type IndexEntry = { suffix: string; key: string; name: string; start: number; form: number };

/**
 * Every key's suffixes that begin a word, sorted, so the matches of a typed text are one
 * contiguous run found by binary search. Built on first use: the dictionary does not change while
 * the process runs.
 */
let index: IndexEntry[] | null = null;

function buildIndex(): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const ingredient of dictionaryIngredients()) {
    // form: 0 the name, 1 the plural, 2 another name; a tie between forms shows the canonical one.
    const forms = [ingredient.name, ingredient.plural, ...otherNamesOf(ingredient.name)];
    const seen = new Set<string>();
    forms.forEach((key, form) => {
      if (seen.has(key)) return;
      seen.add(key);
      // A form the resolver gives to another entry would suggest a name the search does not use for it.
      if (form > 0 && canonicalOfKey(key) !== ingredient.name) return;
      for (let start = 0; start < key.length; start++) {
        if (start === 0 || key[start - 1] === " " || key[start - 1] === "-") {
          entries.push({ suffix: key.slice(start), key, name: ingredient.name, start, form });
        }
      }
    });
  }
  return entries.sort((a, b) => (a.suffix < b.suffix ? -1 : a.suffix > b.suffix ? 1 : 0));
}

function firstAtLeast(entries: readonly IndexEntry[], text: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entries[middle]!.suffix < text) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The dictionary entries the typed text matches, one per canonical name with its best match,
 * unranked by popularity. Pure and in memory (no database), so it can be timed on its own.
 */
export function matchIngredients(text: unknown): Candidate[] {
  const typed = normaliseTyped(text);
  if (typed === "" || typed.length > MAX_SUGGEST_CHARS) return [];
  index ??= buildIndex();
  const best = new Map<string, { candidate: Candidate; form: number }>();
  for (let at = firstAtLeast(index, typed); at < index.length && index[at]!.suffix.startsWith(typed); at++) {
    const entry = index[at]!;
    const tier = entry.start > 0 ? 2 : entry.key === typed ? 0 : 1;
    const previous = best.get(entry.name);
    if (previous && (previous.candidate.tier < tier || (previous.candidate.tier === tier && previous.form <= entry.form))) continue;
    best.set(entry.name, { candidate: { name: entry.name, matched: entry.form === 0 ? null : entry.key, tier }, form: entry.form });
  }
  return [...best.values()].map(({ candidate }) => candidate);
}

/** Exact key first, then key prefix, then word prefix; within each the most used, then the shorter name. */
export function rankSuggestions(candidates: readonly Candidate[], counts: ReadonlyMap<string, number>, limit: number): Suggestion[] {
  return candidates
    .map((candidate) => ({ ...candidate, recipeCount: counts.get(candidate.name) ?? 0 }))
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        b.recipeCount - a.recipeCount ||
        a.name.length - b.name.length ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    )
    .slice(0, limit)
    .map(({ name, matched, recipeCount }) => ({ name, matched, recipeCount }));
}

const textArray = (values: readonly string[]) =>
  sql`ARRAY[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

/**
 * Suggestions for what is typed in the ingredient search: dictionary names, plurals and other names
 * that start with the text or have a word that does, ranked by how many recipes use each canonical
 * name (one query on ingredient_stats). Any input gives a list, possibly empty; only a database
 * failure throws.
 */
export async function suggestIngredients(db: Db, text: unknown, limit = 8): Promise<Suggestion[]> {
  const cap = typeof limit === "number" && Number.isFinite(limit) ? Math.min(MAX_SUGGEST_LIMIT, Math.max(1, Math.floor(limit))) : 8;
  const candidates = matchIngredients(text);
  if (candidates.length === 0) return [];
  const found = rows(
    await db.execute(
      sql`SELECT name, recipe_count FROM ingredient_stats WHERE name = ANY(${textArray(candidates.map((candidate) => candidate.name))})`,
    ),
  );
  const counts = new Map(found.map((row) => [String(row.name), Number(row.recipe_count)]));
  return rankSuggestions(candidates, counts, cap);
}
