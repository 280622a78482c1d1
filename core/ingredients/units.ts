import { unitsOfMeasure } from "parse-ingredient";
import type { ParseIngredientOptions, UnitOfMeasure, UnitOfMeasureDefinitions } from "parse-ingredient";

function withAlternates(id: string, extra: readonly string[]): UnitOfMeasureDefinitions {
  const base: UnitOfMeasure | undefined = unitsOfMeasure[id];
  if (!base) return {};
  return { [id]: { ...base, alternates: [...(base.alternates ?? []), ...extra] } };
}

/** Units parse-ingredient 3.0.0 lacks (handful, tin, slice…) and British spellings of ones it has (litre). */
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

export const PARSE_OPTIONS: ParseIngredientOptions = { additionalUOMs: EXTRA_UOMS };

/** Every spelling of every unit, lower case, without a trailing dot. Multi-word spellings contribute each word. */
export const UNIT_WORDS: ReadonlySet<string> = (() => {
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

/** Stripped only right after a quantity ("3 cloves garlic"): alone they are ordinary words or ingredients ("clove oil", "in season"). */
export const RISKY_UNIT_WORDS: ReadonlySet<string> = new Set([
  "clove",
  "cloves",
  "stick",
  "sticks",
  "head",
  "heads",
  "ear",
  "ears",
  "drop",
  "drops",
  "inch",
  "inches",
  "foot",
  "feet",
  "yard",
  "yards",
  "meter",
  "meters",
  "fluid",
]);

/** Unit words safe to strip at the start of a name even without a quantity ("pinch of salt", "tbsp flour"). */
export const FREE_UNIT_WORDS: ReadonlySet<string> = new Set([...UNIT_WORDS].filter((w) => w.length > 2 && !RISKY_UNIT_WORDS.has(w)));

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const UNIT_ALTERNATION = [...UNIT_WORDS]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");

const NUM = String.raw`\d+(?:[.,]\d+)?(?:/\d+)?`;

/** "2", "1.5", "1/2", "2-3", "1-1/2" (NFKC turns "1½" into "11⁄2", which is also caught). */
export const QUANTITY_TOKEN = new RegExp(`^${NUM}(?:-${NUM})?$`);

/** "400g", "250ml", "14-ounce", "2-inch", "1.5kg". */
export const GLUED_MEASURE_TOKEN = new RegExp(`^${NUM}(?:-${NUM})?-?(?:${UNIT_ALTERNATION})\\.?$`);

/** "a handful ..." → "1 handful ..." so the parser sees a quantity and a unit. */
export const ARTICLE_BEFORE_UNIT = new RegExp(
  `^(?:a|an)\\s+(?=(?:${[...FREE_UNIT_WORDS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|")})\\b)`,
  "i",
);
