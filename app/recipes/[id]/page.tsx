import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/infra/db";
import { durationText } from "@/core/recipes/durations";
import { getUser } from "@/auth/user";
import { SaveRecipeButton } from "@/components/recipes/save-button";
import { getRecipe, parseRecipeId } from "@/core/recipes/queries";
import { RecipePhoto } from "@/components/recipes/recipe-photo";
import { isSaved } from "@/core/recipes/saved";
import { recipeStructuredData, serializeJsonLd } from "@/core/recipes/structured-data";
import { MAX_SERVINGS, MIN_SERVINGS, parseServings, scaleIngredientLine } from "@/core/ingredients/scale";
import { pantryCoverage, pantryNames } from "@/core/pantry/pantry";
import { markIngredient, searchedForOf, type IngredientMark } from "@/core/search/coverage";
import { readSearchQuery, recipeHref, searchHref, searchParamsOf, type RawSearchParams } from "@/core/search/search-url";
import { safeCallbackPath } from "@/web/safe-redirect";
import { toggleSavedAction } from "@/app/saved/actions";
import { recipeImageUrl, recipeMetadata, recipeUrl } from "./metadata";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

const loadRecipe = cache(async (rawId: string) => {
  const id = parseRecipeId(rawId);
  return id ? getRecipe(await getDb(), id) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const recipe = await loadRecipe((await params).id);
  return recipe ? recipeMetadata(recipe, { imageUrl: recipeImageUrl(recipe.photo) }) : { title: "Recipe not found" };
}

/** The visible word and its colour for a line's mark; the word, not the colour, carries the meaning. */
const MARKS: Record<IngredientMark, { label: string; className: string }> = {
  have: { label: "You have", className: "border-green-700 bg-green-50 text-green-900" },
  missing: { label: "Missing", className: "border-amber-700 bg-amber-50 text-amber-900" },
};

export default async function RecipePage({ params, searchParams }: Props) {
  const [recipe, user, raw] = await Promise.all([loadRecipe((await params).id), getUser(), searchParams]);
  if (!recipe) notFound();
  const db = await getDb();
  const isOwner = user !== null && recipe.authorId === user.id;

  // Reached from a search, the lines are marked by the search's own rule and the page links back to it.
  const search = readSearchQuery(raw);
  const searchedFor = searchedForOf(search.terms, search.assumeStaples);
  const fromSearch = searchedFor.length > 0;
  const coverage = { searchedFor, assumeStaples: search.assumeStaples };
  const searchMarks = fromSearch ? recipe.ingredients.map((ingredient) => markIngredient(ingredient.name, coverage)) : null;

  // Without a search, a signed-in person with a saved pantry sees what of the recipe they have.
  const [pantry, saved] = await Promise.all([
    user && !fromSearch ? pantryNames(db, user.id) : [],
    user ? isSaved(db, user.id, recipe.id) : false,
  ]);
  const recipeNames = [...new Set(recipe.ingredients.map((ingredient) => ingredient.name).filter(Boolean))];
  const covered = pantry.length > 0 ? pantryCoverage(pantry, recipeNames) : null;

  const servings = parseServings(raw.servings, recipe.servings);
  const factor = servings / recipe.servings;
  const totalMinutes = recipe.prepMinutes + recipe.cookMinutes;

  // This page's own address, rebuilt from parsed values only: where Save and Log in return to.
  const linkQuery = fromSearch ? search : undefined;
  const hereBase = recipeHref(recipe.id, linkQuery);
  const here = servings === recipe.servings ? hereBase : `${hereBase}${hereBase.includes("?") ? "&" : "?"}servings=${servings}`;
  const carried = fromSearch ? [...searchParamsOf(search).entries()] : [];
  const markedCount = searchMarks?.filter((mark) => mark !== null).length ?? 0;
  const haveCount = searchMarks?.filter((mark) => mark === "have").length ?? 0;

  const structured = recipeStructuredData(recipe, { url: recipeUrl(recipe.id), imageUrl: recipeImageUrl(recipe.photo) });

  return (
    <article className="mx-auto max-w-3xl">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(structured) }} />
      {fromSearch ? (
        <p className="mb-4 print:hidden">
          <Link href={searchHref(search)} className="link" data-testid="back-to-results">
            <span aria-hidden="true">← </span>Back to results
          </Link>
        </p>
      ) : null}
      <header className="mb-6">
        <h1 className="mb-1 text-3xl font-bold break-words">{recipe.title}</h1>
        <p className="text-stone-600 print:hidden">by {recipe.authorName ?? "Pantry kitchen"}</p>
        {recipe.summary ? <p className="mt-3 text-lg text-stone-800 print:hidden">{recipe.summary}</p> : null}
        <dl className="mt-4 flex flex-wrap gap-x-6 gap-y-1 text-sm text-stone-700" data-testid="recipe-facts">
          <div className="flex gap-1">
            <dt>Serves</dt>
            <dd className="font-semibold" data-testid="servings-shown">
              {servings}
              {servings !== recipe.servings ? <span className="font-normal"> (recipe: {recipe.servings})</span> : null}
            </dd>
          </div>
          {/* A step that takes no time (a salad is not cooked) is left out rather than shown as "0 min". */}
          {recipe.prepMinutes > 0 ? (
            <div className="flex gap-1">
              <dt>Preparation</dt>
              <dd className="font-semibold">{durationText(recipe.prepMinutes)}</dd>
            </div>
          ) : null}
          {recipe.cookMinutes > 0 ? (
            <div className="flex gap-1">
              <dt>Cooking</dt>
              <dd className="font-semibold">{durationText(recipe.cookMinutes)}</dd>
            </div>
          ) : null}
          {totalMinutes > 0 ? (
            <div className="flex gap-1">
              <dt>Total</dt>
              <dd className="font-semibold" data-testid="total-time">
                {durationText(totalMinutes)}
              </dd>
            </div>
          ) : null}
        </dl>
        <div className="mt-4 flex flex-wrap items-start gap-3 print:hidden">
          {user ? (
            <SaveRecipeButton recipeId={recipe.id} saved={saved} returnTo={here} action={toggleSavedAction} />
          ) : (
            <Link
              href={`/login?callbackUrl=${encodeURIComponent(safeCallbackPath(here))}`}
              className="btn-secondary"
              data-testid="login-to-save"
            >
              Log in to save
            </Link>
          )}
          {isOwner ? (
            <>
              <Link href={`/recipes/${recipe.id}/edit`} className="btn-secondary">
                Edit
              </Link>
              <Link href={`/recipes/${recipe.id}/delete`} className="btn-secondary text-red-800">
                Delete
              </Link>
            </>
          ) : null}
        </div>
      </header>
      <div className="print:hidden">
        <RecipePhoto photo={recipe.photo} title={recipe.title} sizes="(min-width: 48rem) 48rem, 100vw" className="mb-6 max-h-96" />
      </div>
      <div className="grid gap-8 md:grid-cols-[1fr_2fr]">
        <section aria-labelledby="ingredients-heading">
          <h2 id="ingredients-heading" className="mb-3 text-xl font-semibold">
            Ingredients
          </h2>
          {/* A plain GET form: without JavaScript it loads ?servings=6 with the search kept beside it. */}
          <Form action={`/recipes/${recipe.id}`} className="mb-4 flex flex-wrap items-end gap-2 print:hidden" data-testid="servings-form">
            {carried.map(([name, value], index) => (
              <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
            ))}
            <label className="flex flex-col text-sm font-medium text-stone-800">
              Servings
              <input
                type="number"
                name="servings"
                min={MIN_SERVINGS}
                max={MAX_SERVINGS}
                step={1}
                required
                defaultValue={servings}
                key={servings}
                className="input mt-1 w-24"
              />
            </label>
            <button type="submit" className="btn-secondary">
              Update
            </button>
          </Form>
          {fromSearch && markedCount > 0 ? (
            <p className="mb-3 text-sm text-stone-700 print:hidden" data-testid="search-coverage">
              From your search, you have {haveCount} of {markedCount} {markedCount === 1 ? "ingredient" : "ingredients"}.
            </p>
          ) : covered && recipeNames.length > 0 ? (
            <p className="mb-3 text-sm text-stone-700 print:hidden" data-testid="pantry-coverage">
              You have {covered.size} of {recipeNames.length} {recipeNames.length === 1 ? "ingredient" : "ingredients"} in{" "}
              <Link href="/pantry" className="link">
                your pantry
              </Link>
              .
            </p>
          ) : null}
          <ul className="space-y-1" data-testid="ingredient-list">
            {recipe.ingredients.map((ingredient, index) => {
              const text = scaleIngredientLine(ingredient, factor).text;
              // A heading such as "For the sauce:" names nothing: no box to tick.
              if (ingredient.name === "") {
                return (
                  <li key={index} className="pt-2 font-semibold break-words">
                    {text}
                  </li>
                );
              }
              const mark = searchMarks?.[index] ?? null;
              const pantryHas = !fromSearch && covered?.has(ingredient.name);
              return (
                <li
                  key={index}
                  data-testid={pantryHas ? "ingredient-covered" : "ingredient"}
                  data-mark={mark ?? undefined}
                  className="break-words"
                >
                  <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md py-2 hover:bg-stone-100 has-checked:text-stone-500 has-checked:line-through print:min-h-0 print:py-0.5 print:no-underline">
                    <input type="checkbox" className="ingredient-check mt-0.5 size-5 shrink-0 accent-brand-700" />
                    <span className="min-w-0">
                      {pantryHas ? (
                        <>
                          <span aria-hidden="true" className="mr-1 font-semibold text-green-700">
                            ✓
                          </span>
                          <span className="sr-only">You have this: </span>
                        </>
                      ) : null}
                      <span data-testid="ingredient-text">{text}</span>
                      {mark ? (
                        <>
                          <span className="sr-only"> — </span>
                          <span
                            className={`ml-2 inline-block rounded border px-1.5 text-xs font-semibold no-underline print:hidden ${MARKS[mark].className}`}
                            data-testid="ingredient-mark"
                          >
                            {MARKS[mark].label}
                          </span>
                        </>
                      ) : null}
                    </span>
                  </label>
                </li>
              );
            })}
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
