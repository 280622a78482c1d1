/** Words that say how much, not what. Stripped from the start of a name. */
export const QUANTIFIERS: ReadonlySet<string> = new Set([
  "a", "an", "the", "some", "few", "several", "couple", "little", "bit", "plenty",
  "about", "approx", "approximately", "around", "roughly", "half", "quarter",
  "drizzle", "glug", "dollop", "sprinkle", "sprinkling", "squeeze", "touch", "hint", "smidgen",
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
]);

/**
 * Leading descriptors that do not change what the ingredient is. Not "ground", "dried", "smoked",
 * "toasted", "whole", "plain", "hot", "cold", "baby" or "frozen": those often name a distinct
 * product (ground cumin, plain flour, hot sauce).
 */
export const DESCRIPTORS: ReadonlySet<string> = new Set([
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
export const DESCRIPTOR_PARTS: ReadonlySet<string> = new Set(["sized", "size", "thumb", "bite"]);

/** Phrases dropped from the end of a name ("salt and pepper to taste"). */
export const TRAILING_PHRASES: readonly (readonly string[])[] = [
  ["to", "taste"], ["to", "serve"], ["for", "serving"], ["to", "garnish"], ["for", "garnish"],
  ["for", "garnishing"], ["to", "decorate"], ["for", "decoration"], ["optional"], ["as", "needed"],
  ["as", "required"], ["if", "needed"], ["for", "frying"], ["for", "greasing"], ["for", "dusting"],
  ["for", "brushing"], ["plus", "extra"], ["or", "more"], ["or", "less"], ["divided"],
  ["at", "room", "temperature"], ["room", "temperature"],
];

export const DANGLING_WORDS: ReadonlySet<string> = new Set(["and", "or", "of", "plus", "with"]);

/** Herbs/leaves whose "leaves" are the ingredient itself: "basil leaves" → "basil". Not bay or curry leaves. */
export const LEAFY_HERBS: ReadonlySet<string> = new Set([
  "basil", "mint", "coriander", "cilantro", "parsley", "sage", "thyme", "oregano", "tarragon",
  "dill", "rosemary", "marjoram", "chervil", "spinach", "rocket", "arugula", "watercress",
]);

/** Words pluralize.singular gets wrong in a kitchen; left exactly as they are. */
export const INVARIANT_WORDS: ReadonlySet<string> = new Set([
  "hummus", "houmous", "couscous", "asparagus", "molasses", "grits", "swiss", "haggis", "gras",
  "bitters", "schnapps", "greens", "brussels", "citrus", "octopus", "hibiscus", "jus",
  "lemongrass", "watercress", "cress", "bass", "pastis", "series", "species",
]);

/** Plurals pluralize.singular turns into the wrong singular. */
export const SINGULAR_OVERRIDES: Readonly<Record<string, string>> = {
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
