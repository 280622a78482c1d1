import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/infra/db";
import { getUser } from "@/auth/user";
import { getRecipe, parseRecipeId } from "@/core/recipes/queries";
import { RecipePhoto } from "@/components/recipes/recipe-photo";
import { pantryCoverage, pantryNames } from "@/core/pantry/pantry";

type Params = { params: Promise<{ id: string }> };

const loadRecipe = cache(async (rawId: string) => {
  const id = parseRecipeId(rawId);
  return id ? getRecipe(await getDb(), id) : null;
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const recipe = await loadRecipe((await params).id);
  return { title: recipe?.title ?? "Recipe not found", description: recipe?.summary || undefined };
}

function minutes(value: number): string {
  if (value < 60) return `${value} min`;
  const hours = Math.floor(value / 60);
  return value % 60 ? `${hours} h ${value % 60} min` : `${hours} h`;
}

export default async function RecipePage({ params }: Params) {
  const [recipe, user] = await Promise.all([loadRecipe((await params).id), getUser()]);
  if (!recipe) notFound();
  const isOwner = user !== null && recipe.authorId === user.id;
  // Only a signed-in person with a saved pantry sees what of the recipe they have.
  const pantry = user ? await pantryNames(await getDb(), user.id) : [];
  const recipeNames = [...new Set(recipe.ingredients.map((ingredient) => ingredient.name).filter(Boolean))];
  const covered = pantry.length > 0 ? pantryCoverage(pantry, recipeNames) : null;

  return (
    <article className="mx-auto max-w-3xl">
      <header className="mb-6">
        <h1 className="mb-1 text-3xl font-bold break-words">{recipe.title}</h1>
        <p className="text-stone-600">by {recipe.authorName ?? "Pantry kitchen"}</p>
        {recipe.summary ? <p className="mt-3 text-lg text-stone-800">{recipe.summary}</p> : null}
        <dl className="mt-4 flex flex-wrap gap-x-6 gap-y-1 text-sm text-stone-700">
          <div className="flex gap-1">
            <dt>Serves</dt>
            <dd className="font-semibold">{recipe.servings}</dd>
          </div>
          {/* A step that takes no time (a salad is not cooked) is left out rather than shown as "0 min". */}
          {recipe.prepMinutes > 0 ? (
            <div className="flex gap-1">
              <dt>Preparation</dt>
              <dd className="font-semibold">{minutes(recipe.prepMinutes)}</dd>
            </div>
          ) : null}
          {recipe.cookMinutes > 0 ? (
            <div className="flex gap-1">
              <dt>Cooking</dt>
              <dd className="font-semibold">{minutes(recipe.cookMinutes)}</dd>
            </div>
          ) : null}
        </dl>
        {isOwner ? (
          <div className="mt-4 flex gap-3">
            <Link href={`/recipes/${recipe.id}/edit`} className="btn-secondary">
              Edit
            </Link>
            <Link href={`/recipes/${recipe.id}/delete`} className="btn-secondary text-red-800">
              Delete
            </Link>
          </div>
        ) : null}
      </header>
      <RecipePhoto photo={recipe.photo} title={recipe.title} sizes="(min-width: 48rem) 48rem, 100vw" className="mb-6 max-h-96" />
      <div className="grid gap-8 md:grid-cols-[1fr_2fr]">
        <section aria-labelledby="ingredients-heading">
          <h2 id="ingredients-heading" className="mb-3 text-xl font-semibold">
            Ingredients
          </h2>
          {covered && recipeNames.length > 0 ? (
            <p className="mb-3 text-sm text-stone-700" data-testid="pantry-coverage">
              You have {covered.size} of {recipeNames.length} {recipeNames.length === 1 ? "ingredient" : "ingredients"} in{" "}
              <Link href="/pantry" className="link">
                your pantry
              </Link>
              .
            </p>
          ) : null}
          <ul className="space-y-1">
            {recipe.ingredients.map((ingredient, index) =>
              covered?.has(ingredient.name) ? (
                <li key={index} className="break-words" data-testid="ingredient-covered">
                  <span aria-hidden="true" className="mr-1 font-semibold text-green-700">
                    ✓
                  </span>
                  <span className="sr-only">You have this: </span>
                  {ingredient.line}
                </li>
              ) : (
                <li key={index} className="break-words">
                  {ingredient.line}
                </li>
              ),
            )}
          </ul>
        </section>
        <section aria-labelledby="steps-heading">
          <h2 id="steps-heading" className="mb-3 text-xl font-semibold">
            Steps
          </h2>
          <ol className="list-decimal space-y-3 pl-5">
            {recipe.steps.map((step, index) => (
              <li key={index} className="break-words">
                {step}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </article>
  );
}
