"use server";

import { redirect } from "next/navigation";
import { addToPantry, removeFromPantry } from "@/core/pantry/pantry";
import { pantryAddSchema, pantryRemoveSchema } from "@/core/pantry/schemas";
import { flash } from "@/web/flash/flash";
import type { FormState } from "@/web/forms/form-state";
import { userAction } from "@/web/forms/validated-action";

// The data layer only ever reads and writes the session user's pantry: a forged post naming
// someone else's item, or no item at all, changes nothing.

const toPantry = () => "/pantry";

const list = (names: string[]) => names.map((name) => `“${name}”`).join(", ");

export const addToPantryAction = userAction(pantryAddSchema, toPantry, async ({ ingredients }, { user, db }): Promise<FormState> => {
  const result = await addToPantry(db, user.id, ingredients);
  if (result.status === "nothing") {
    return {
      fieldErrors: { ingredients: "No ingredient in that: type names, like “chicken thighs, rocket”." },
      message: "Nothing was added.",
      messageTone: "error",
    };
  }
  if (result.status === "full") {
    return {
      fieldErrors: {
        ingredients: `Your pantry holds at most ${result.max} ingredients and has ${result.count}: remove some before adding more.`,
      },
      message: "Nothing was added.",
      messageTone: "error",
    };
  }
  if (result.added.length > 0) {
    const already = result.already.length > 0 ? ` Already there: ${list(result.already)}.` : "";
    await flash(`Added to your pantry: ${list(result.added)}.${already}`, "success");
  } else {
    await flash(result.already.length > 0 ? `Already in your pantry: ${list(result.already)}.` : "Nothing was added.", "info");
  }
  redirect("/pantry");
});

const removeItem = userAction(pantryRemoveSchema, toPantry, async ({ name }, { user, db }): Promise<FormState> => {
  const removed = await removeFromPantry(db, user.id, name);
  await flash(removed ? `Removed “${name}” from your pantry.` : "That ingredient is not in your pantry.", removed ? "success" : "error");
  redirect("/pantry");
});

/** Each Remove button is a plain form of its own; a post that is not a name from the list lands back on the page with a message. */
export async function removeFromPantryAction(formData: FormData): Promise<void> {
  const state = await removeItem({}, formData);
  await flash(state.fieldErrors?.name ?? state.message ?? "That ingredient is not in your pantry.", "error");
  redirect("/pantry");
}
