import type { Metadata } from "next";
import { createRecipeAction } from "@/app/recipes/actions";
import { RecipeForm } from "@/components/recipes/recipe-form";
import { requireUser } from "@/auth/user";

export const metadata: Metadata = { title: "Add a recipe" };

const EMPTY = { title: "", summary: "", ingredients: "", steps: "", servings: "2", prepMinutes: "", cookMinutes: "" };

export default async function NewRecipePage() {
  await requireUser("/recipes/new");
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-6 text-2xl font-bold">Add a recipe</h1>
      <div className="card">
        <RecipeForm action={createRecipeAction} initialValues={EMPTY} submitLabel="Save recipe" />
      </div>
    </div>
  );
}
