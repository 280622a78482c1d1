import "server-only";
import * as z from "zod/mini";
import { imageHostsMessage, isAllowedImageUrl } from "./image-hosts";
import { recipeFormSchema, recipeVersionSchema } from "./schemas";

// The shared recipe schema with the server's image rule: the allowed hosts are configuration,
// which the browser's copy of the schema does not know.
const serverImageUrl = z.pipe(
  recipeFormSchema.shape.imageUrl,
  z.nullable(z.string()).check(z.refine((value) => value === null || isAllowedImageUrl(value), { error: () => imageHostsMessage() })),
);

export const serverRecipeFormSchema = z.extend(recipeFormSchema, { imageUrl: serverImageUrl });
export const serverRecipeUpdateSchema = z.intersection(serverRecipeFormSchema, recipeVersionSchema);
