import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { ingredientNameOf } from "@/core/ingredients/parse-line";
import { catalogue } from "@/scripts/seed/catalogue/catalogue";
import { AISLES, dictionaryEntrySchema, type DictionaryEntry } from "@/core/ingredients/dictionary/entry";

const files = AISLES.filter((aisle) => existsSync(new URL(`../../../core/ingredients/dictionary/${aisle}.json`, import.meta.url)));
const entries: (DictionaryEntry & { aisle: string })[] = files.flatMap((aisle) => {
  const parsed = z
    .array(dictionaryEntrySchema)
    .safeParse(JSON.parse(readFileSync(new URL(`../../../core/ingredients/dictionary/${aisle}.json`, import.meta.url), "utf8")));
  if (!parsed.success) throw new Error(`${aisle}.json: ${z.prettifyError(parsed.error)}`);
  return parsed.data.map((entry) => ({ ...entry, aisle }));
});
const byName = new Map(entries.map((entry) => [entry.name, entry]));

describe("the ingredient dictionary", () => {
  it("has at least 1,000 canonical ingredients", () => {
    expect(entries.length).toBeGreaterThanOrEqual(1000);
  });

  it("names every ingredient once: no name, plural or other name belongs to two entries", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = entries
      .filter((entry, i) => entries.findIndex((other) => other.name === entry.name) !== i)
      .map((entry) => `"${entry.name}" twice`);
    for (const entry of entries) {
      for (const key of new Set([entry.name, entry.plural, ...(entry.aka ?? [])])) {
        const first = owner.get(key);
        if (first && first !== entry.name) clashes.push(`"${key}": ${first} and ${entry.name}`);
        else owner.set(key, entry.name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("gives every kind an entry of its own, and no entry is its own kind, however far up", () => {
    const problems: string[] = [];
    for (const entry of entries) {
      const seen = new Set([entry.name]);
      for (let kind = entry.kind; kind; kind = byName.get(kind)?.kind) {
        if (!byName.has(kind)) problems.push(`${entry.name}: kind "${kind}" has no entry`);
        if (seen.has(kind)) {
          problems.push(`${entry.name}: kinds loop through "${kind}"`);
          break;
        }
        seen.add(kind);
      }
    }
    expect(problems).toEqual([]);
  });

  it("covers every ingredient of the catalogue, by name or other name", () => {
    const known = new Set(entries.flatMap((entry) => [entry.name, entry.plural, ...(entry.aka ?? [])]));
    const lines = catalogue.flatMap((recipe) => recipe.ingredients.map((line) => ingredientNameOf(line)).filter(Boolean));
    expect([...new Set(lines.filter((name) => !known.has(name)))].sort()).toEqual([]);
  });
});
