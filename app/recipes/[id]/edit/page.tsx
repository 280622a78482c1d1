import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { updateRecipeAction } from "@/app/recipes/actions";
import { RecipeForm } from "@/components/recipes/recipe-form";
import { getDb } from "@/infra/db";
import { requireUser } from "@/auth/user";
import { recipeFormValues } from "@/core/recipes/schemas";
import { getOwnRecipe, parseRecipeId } from "@/core/recipes/queries";

export const metadata: Metadata = { title: "Edit recipe" };

export default async function EditRecipePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const id = parseRecipeId(rawId);
  const user = await requireUser(`/recipes/${rawId}/edit`);
  // Someone else's recipe, or the catalogue's, does not exist as far as this person is concerned.
  const recipe = id ? await getOwnRecipe(await getDb(), user.id, id) : null;
  if (!recipe) notFound();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-6 text-2xl font-bold">Edit “{recipe.title}”</h1>
      <div className="card">
        <RecipeForm
          action={updateRecipeAction}
          initialValues={recipeFormValues(recipe)}
          submitLabel="Save changes"
          recipeId={recipe.id}
          photo={recipe.photo}
        />
      </div>
    </div>
  );
}
