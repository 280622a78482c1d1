import { createHash } from "node:crypto";
import * as z from "zod/mini";
import { normalizeIngredientName } from "@/core/ingredients/normalise";
import bakery from "./bakery.json";
import baking from "./baking.json";
import condiments from "./condiments.json";
import dairy from "./dairy.json";
import drinks from "./drinks.json";
import fish from "./fish.json";
import frozen from "./frozen.json";
import grains from "./grains.json";
import meat from "./meat.json";
import nuts from "./nuts.json";
import oils from "./oils.json";
import produce from "./produce.json";
import spices from "./spices.json";
import tins from "./tins.json";
import { DIET_FACTS, dictionaryEntrySchema, type Aisle, type DictionaryEntry } from "./entry";

export { AISLES, DIET_FACTS, type Aisle } from "./entry";
export type DietFact = (typeof DIET_FACTS)[number];

const files: Record<Aisle, unknown> = {
  produce,
  meat,
  fish,
  dairy,
  bakery,
  grains,
  baking,
  tins,
  spices,
  condiments,
  oils,
  nuts,
  frozen,
  drinks,
};

/** A canonical ingredient with what follows from its kinds. */
export type Ingredient = {
  name: string;
  plural: string;
  kind: string | null;
  aisle: Aisle;
  staple: boolean;
  /** Itself, then each kind up to the most general: chicken thigh → [chicken thigh, chicken, meat]. */
  lineage: string[];
  /** Its own diet facts and every kind's, one bit per DIET_FACTS entry. */
  dietFlags: number;
};

/** Bumped when the resolving rule changes, so stored recipes are resolved again as after a data change. */
const RESOLVER_VERSION = 1;

export const dietBit = (fact: DietFact): number => 1 << DIET_FACTS.indexOf(fact);

function load(): { entries: Map<string, Ingredient>; keys: Map<string, string>; version: string } {
  const raw = new Map<string, DictionaryEntry & { aisle: Aisle }>();
  for (const [aisle, data] of Object.entries(files) as [Aisle, unknown][]) {
    for (const entry of z.array(dictionaryEntrySchema).parse(data)) raw.set(entry.name, { ...entry, aisle });
  }
  const entries = new Map<string, Ingredient>();
  for (const entry of raw.values()) {
    const lineage = [entry.name];
    let dietFlags = 0;
    for (let current: typeof entry | undefined = entry; current; current = current.kind ? raw.get(current.kind) : undefined) {
      if (current !== entry) {
        if (lineage.includes(current.name)) break;
        lineage.push(current.name);
      }
      for (const fact of current.diet ?? []) dietFlags |= dietBit(fact);
    }
    entries.set(entry.name, {
      name: entry.name,
      plural: entry.plural,
      kind: entry.kind ?? null,
      aisle: entry.aisle,
      staple: entry.staple ?? false,
      lineage,
      dietFlags,
    });
  }
  // Every written form is a key; so is what the normaliser makes of it when it keeps every word, so
  // a line and a typed term that the normaliser treats alike ("physalis" → "physali") still agree.
  const keys = new Map<string, string>();
  const written = [...raw.values()].flatMap((entry) => [entry.name, entry.plural, ...(entry.aka ?? [])].map((key) => [key, entry.name]));
  for (const [key, name] of written) if (!keys.has(key!)) keys.set(key!, name!);
  for (const [key, name] of written) {
    const normalised = normalizeIngredientName(key!, { keepDescriptors: true });
    const wordCount = (text: string) => text.split(" ").length;
    if (normalised && !keys.has(normalised) && wordCount(normalised) === wordCount(key!)) keys.set(normalised, name!);
  }
  const version = createHash("sha256")
    .update(JSON.stringify([RESOLVER_VERSION, [...entries.values()]]))
    .digest("hex")
    .slice(0, 16);
  return { entries, keys, version };
}

const dictionary = load();

/** Changes whenever an entry, a kind, an other name or the resolving rule changes. */
export const DICTIONARY_VERSION = dictionary.version;

export function dictionaryIngredients(): IterableIterator<Ingredient> {
  return dictionary.entries.values();
}

/** The entry of a canonical name, if the dictionary has it. */
export function ingredientNamed(name: string): Ingredient | undefined {
  return dictionary.entries.get(name);
}

// Apart from load()'s entries, whose hash is DICTIONARY_VERSION: listing the other names changes no resolving.
const otherNames = new Map(
  Object.values(files).flatMap((data) =>
    z
      .array(dictionaryEntrySchema)
      .parse(data)
      .map((entry) => [entry.name, entry.aka ?? []] as const),
  ),
);

/** The other names an entry is written by (prawn → shrimp, prawn tail), as in its data file; [] for a name the dictionary does not know. */
export function otherNamesOf(name: string): readonly string[] {
  return otherNames.get(name) ?? [];
}

/** The canonical name a written form stands for ("prawns", "shrimp" → "prawn"), without any rewriting. */
export function canonicalOfKey(key: string): string | undefined {
  return dictionary.keys.get(key);
}

/** A name and its kinds; a name the dictionary does not know is only itself. */
export function lineageOf(name: string): readonly string[] {
  return dictionary.entries.get(name)?.lineage ?? [name];
}

const kinds = new Set([...dictionary.entries.values()].flatMap((entry) => entry.lineage.slice(1)));

/** Whether some entry is a kind or form of `name` ("chicken" has chicken thigh; "chicken thigh" has none). */
export function hasNarrowerIngredients(name: string): boolean {
  return kinds.has(name);
}

export function isStapleIngredient(name: string): boolean {
  return dictionary.entries.get(name)?.staple ?? false;
}

export function dietFlagsOf(name: string): number {
  return dictionary.entries.get(name)?.dietFlags ?? 0;
}

/** Whether `name` is `other` or one of its kinds, however far up. */
export function covers(name: string, other: string): boolean {
  return lineageOf(other).includes(name);
}

/** The longest run of trailing words the dictionary knows: the head noun names the food ("long-grain rice" → rice, never "chicken stock" → chicken). */
function knownSuffix(text: string): string | undefined {
  const words = text.split(" ");
  for (let start = 1; start < words.length; start++) {
    const found = dictionary.keys.get(words.slice(start).join(" "));
    if (found) return found;
  }
  return undefined;
}

/**
 * The canonical ingredient of an ingredient line's name or a typed term, through one rule for both:
 * the whole name with its descriptors ("minced beef"), then without them ("beef"), then the longest
 * known ending of either ("long-grain rice" → "rice"). A name the dictionary does not know stays
 * its normalised self, so it is still found by exactly that name. "" for a heading or nothing.
 */
export function resolveIngredient(text: string): string {
  const plain = normalizeIngredientName(text);
  if (plain === "") return "";
  const written = typeof text === "string" ? text.trim().toLowerCase().replace(/\s+/g, " ") : "";
  const kept = normalizeIngredientName(text, { keepDescriptors: true });
  const candidates = [...new Set([written, kept, plain].filter(Boolean))];
  for (const candidate of candidates) {
    const found = dictionary.keys.get(candidate);
    if (found) return found;
  }
  for (const candidate of candidates) {
    const found = knownSuffix(candidate);
    if (found) return found;
  }
  return plain;
}
