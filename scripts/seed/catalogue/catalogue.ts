import { part1 } from "./part1";
import { part2 } from "./part2";
import { part3 } from "./part3";
import { part4 } from "./part4";
import type { CatalogueRecipe } from "./types";

export type { CatalogueRecipe } from "./types";

export const catalogue: readonly CatalogueRecipe[] = [...part1, ...part2, ...part3, ...part4];
