import * as z from "zod/mini";

/** Where an ingredient is found in a shop; each aisle is one data file of this folder. */
export const AISLES = [
  "produce",
  "meat",
  "fish",
  "dairy",
  "bakery",
  "grains",
  "baking",
  "tins",
  "spices",
  "condiments",
  "oils",
  "nuts",
  "frozen",
  "drinks",
] as const;

/**
 * Diet facts. An entry inherits its kind's facts (cheddar is dairy because cheese is). Vegetarian
 * excludes meat, fish and shellfish; vegan also dairy, egg and honey; gluten-free excludes gluten;
 * dairy-free excludes dairy. "meat" covers gelatine, lard and suet; "nuts" means tree nuts.
 */
export const DIET_FACTS = ["meat", "fish", "shellfish", "dairy", "egg", "honey", "gluten", "nuts", "peanuts", "soy", "sesame"] as const;

const name = z.string().check(z.regex(/^[a-z][a-z0-9' -]*[a-z0-9]$/, "lower case letters, digits, spaces, hyphens and apostrophes"));

/** One canonical ingredient as written in a data file (the aisle is the file's name). */
export const dictionaryEntrySchema = z.strictObject({
  /** Singular, lower case: "chicken thigh". */
  name,
  /** "chicken thighs"; the same as `name` for a food counted by weight or volume ("rice", "milk"). */
  plural: name,
  /** The more general ingredient this one is a kind or form of: "chicken thigh" → "chicken". */
  kind: z.optional(name),
  /** Other names, UK and US included, singular: prawn → "shrimp", rocket → "arugula". */
  aka: z.optional(z.array(name)),
  /** A pantry staple: nearly every kitchen has it, so it never counts as missing. */
  staple: z.optional(z.boolean()),
  /** Its own diet facts, beyond those of its kind. */
  diet: z.optional(z.array(z.enum(DIET_FACTS))),
});

export type DictionaryEntry = z.output<typeof dictionaryEntrySchema>;
export type Aisle = (typeof AISLES)[number];
