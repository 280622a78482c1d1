import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/pager";
import { requireUser } from "@/auth/user";
import { listSavedRecipes } from "@/core/recipes/saved";
import { RecipePhoto } from "@/components/recipes/recipe-photo";
import { getDb } from "@/infra/db";
import { durationText } from "@/core/recipes/durations";

export const metadata: Metadata = { title: "Saved recipes" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function SavedPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).page;
  const asked = Number(Array.isArray(raw) ? raw.at(-1) : raw);
  const user = await requireUser("/saved");
  const { recipes, total, page, pageCount } = await listSavedRecipes(await getDb(), user.id, Number.isInteger(asked) ? asked : 1);
  return (
    <div>
      <div className="mb-6">
        <h1 className="text-2xl font-bold">Saved recipes</h1>
        <p className="mt-1 text-stone-700">
          {total === 0 ? "Recipes you save appear here." : `${total} saved ${total === 1 ? "recipe" : "recipes"}, the most recent first.`}
        </p>
      </div>
      {recipes.length === 0 ? (
        <div className="card text-center" data-testid="saved-empty">
          <p className="mb-4 text-stone-700">You have not saved a recipe yet. Press Save on a recipe to keep it here.</p>
          <Link href="/" className="link">
            Find a recipe by what you have
          </Link>
        </div>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Saved recipes">
          {recipes.map((recipe) => (
            <li key={recipe.id} className="flex min-w-0 items-start gap-4 px-4 py-4" data-testid="saved-row">
              <div className="w-24 shrink-0 sm:w-32">
                <RecipePhoto photo={recipe.photo} title={recipe.title} sizes="8rem" decorative lazy />
              </div>
              <div className="min-w-0">
                <h2 className="font-semibold break-words">
                  <Link href={`/recipes/${recipe.id}`} className="link">
                    {recipe.title}
                  </Link>
                </h2>
                {recipe.summary.trim() ? <p className="mt-1 line-clamp-2 text-sm text-stone-700">{recipe.summary}</p> : null}
                <p className="mt-1 text-sm text-stone-600">
                  {recipe.totalMinutes > 0 ? `${durationText(recipe.totalMinutes)} · ` : ""}Saved{" "}
                  <time dateTime={recipe.savedAt.toISOString()}>{date.format(recipe.savedAt)}</time>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager label="Pages of saved recipes" page={page} pageCount={pageCount} hrefFor={(n) => (n === 1 ? "/saved" : `/saved?page=${n}`)} />
    </div>
  );
}
