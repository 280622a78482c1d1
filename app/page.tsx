import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/pager";
import { IngredientCombobox } from "@/components/search/ingredient-combobox";
import { SearchFilters } from "@/components/search/search-filters";
import { ResultGroups } from "@/components/search/result-groups";
import { PantrySearchLink } from "@/components/pantry/pantry-search-link";
import { getUser } from "@/auth/user";
import { getDb } from "@/infra/db";
import { pantryNames } from "@/core/pantry/pantry";
import { isPantryStaple } from "@/core/search/staples";
import { readSearchQuery as readQuery, searchHref, type RawSearchParams } from "@/core/search/search-url";
import { resolveTypedTerms } from "@/core/search/typed-terms";
import { searchMetadata } from "./search-metadata";
import { MAX_SEARCH_PAGE, PAGE_SIZE, searchRecipes, searchTitles, type SearchPage } from "@/core/search/search";

type SearchParams = Promise<RawSearchParams>;

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** "47 recipes use chicken, rice" reads as if all used both: the heading says how many use all, some and one. */
function resultsSummary({ total, totalCapped, searchedFor, useAll, useOne }: SearchPage): { heading: string; detail: string | null } {
  const names = searchedFor.join(", ");
  const k = searchedFor.length;
  if (totalCapped) {
    return { heading: `More than ${total.toLocaleString("en")} recipes use ${k === 1 ? names : `some of ${names}`}`, detail: null };
  }
  if (k === 1) return { heading: `${total} ${plural(total, "recipe uses", "recipes use")} ${names}`, detail: null };
  const heading = `${total} ${plural(total, "recipe uses", "recipes use")} some of ${names}`;
  if (total === 0 || useAll === null || useOne === null) return { heading, detail: null };
  const some = total - useAll - useOne;
  const parts = [
    `${useAll === 0 ? "none" : useAll} ${plural(useAll, "uses", "use")} ${k === 2 ? "both" : `all ${k}`}`,
    ...(k > 2 ? [`${some} ${plural(some, "uses", "use")} several`] : []),
    `${useOne} ${plural(useOne, "uses", "use")} one`,
  ];
  return { heading, detail: `Of these, ${parts.join(", ")}.` };
}

/** A search's page says what it lists in the browser's tab and in a shared link; the plain home keeps the layout's. */
export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  return searchMetadata(readQuery(await searchParams)) ?? {};
}

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const query = readQuery(await searchParams);
  const db = await getDb();
  const options = { without: query.without, diets: query.diets };
  const user = await getUser();
  const [found, named, pantry] = await Promise.all([
    searchRecipes(db, { ingredients: query.terms, ...options, assumeStaples: query.assumeStaples, page: query.page }),
    query.terms.length > 0 && query.page === 1 ? searchTitles(db, query.terms.join(" "), { ...options, limit: 4 }) : [],
    user ? pantryNames(db, user.id) : [],
  ]);
  const searching = found.searchedFor.length > 0;
  const { results, page, pageCount, pagesCapped, ignoredStaples } = found;
  const summary = searching ? resultsSummary(found) : null;
  const filtered = query.without.length > 0 || query.diets.length > 0;

  return (
    <div>
      <section className="mb-8">
        <h1 className="mb-2 text-3xl font-bold">Cook with what you have</h1>
        <p className="mb-4 text-stone-700">Type the ingredients in your kitchen and Pantry finds recipes that use them.</p>
        <form method="get" action="/" role="search" className="card space-y-3 p-4">
          <label htmlFor="ingredients-input" className="block text-sm font-medium text-stone-800">
            Ingredients you have
          </label>
          <IngredientCombobox
            key={query.text}
            defaultValue={query.terms.length ? query.text : ""}
            initialChips={resolveTypedTerms(query.terms)}
          />
          <p id="ingredients-hint" className="text-sm text-stone-600">
            Separate them with commas. &ldquo;Chicken&rdquo; also finds thighs and breasts; &ldquo;shrimp&rdquo; finds prawns. A
            recipe&apos;s name works too.
          </p>
          <SearchFilters withoutText={query.without.join(", ")} diets={query.diets} open={filtered} />
          <div className="flex flex-wrap items-center justify-between gap-3">
            <label className="flex items-center gap-2 text-sm text-stone-800">
              <input type="hidden" name="staples" value="counted" />
              <input
                type="checkbox"
                name="staples"
                value="assumed"
                defaultChecked={query.assumeStaples}
                className="size-4 accent-brand-700"
              />
              I have the pantry staples (salt, pepper, oil, water, sugar, flour)
            </label>
            <button type="submit" className="btn-primary">
              Find recipes
            </button>
          </div>
        </form>
        {/* Staples are assumed by the search anyway, so the pantry's search leaves them out. */}
        <PantrySearchLink names={pantry.filter((name) => !isPantryStaple(name))} className="btn-secondary mt-3 inline-block" />
      </section>

      {named.length > 0 ? (
        <section aria-labelledby="named-heading" className="mb-6" data-testid="title-matches">
          <h2 id="named-heading" className="mb-2 text-lg font-semibold">
            Recipes called &ldquo;{query.terms.join(" ")}&rdquo;
          </h2>
          <ul className="flex flex-wrap gap-2">
            {named.map((recipe) => (
              <li key={recipe.id}>
                <Link href={`/recipes/${recipe.id}`} className="btn-secondary">
                  {recipe.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="results-heading" aria-live="polite">
        <h2 id="results-heading" className="mb-1 text-xl font-semibold">
          {summary ? summary.heading : filtered ? "Newest recipes that fit" : "Newest recipes"}
        </h2>
        {summary?.detail ? (
          <p className="mb-4 text-sm text-stone-700" data-testid="results-detail">
            {summary.detail}
          </p>
        ) : (
          <div className="mb-4" />
        )}
        {found.without.length > 0 || found.diets.length > 0 ? (
          <p className="-mt-2 mb-4 text-sm text-stone-700" data-testid="active-filters">
            {[...found.diets.map((diet) => diet.replace("-", " ")), ...found.without.map((name) => `without ${name}`)].join(" · ")}
          </p>
        ) : null}
        {ignoredStaples.length > 0 ? (
          <p className="-mt-2 mb-4 text-sm text-stone-600" data-testid="ignored-staples">
            {ignoredStaples.join(", ")} {ignoredStaples.length === 1 ? "is a pantry staple" : "are pantry staples"}, assumed in every
            kitchen, so {ignoredStaples.length === 1 ? "it does" : "they do"} not change the results. Untick the staples box to count{" "}
            {ignoredStaples.length === 1 ? "it" : "them"}.
          </p>
        ) : null}
        {results.length === 0 ? (
          <div className="card text-stone-700" data-testid="empty-state">
            {searching || query.terms.length > 0 || filtered ? (
              <>
                <p className="mb-2">
                  {searching ? `No recipe uses ${found.searchedFor.join(", ")}` : "No recipe fits"}
                  {filtered ? " with these filters" : ""} yet.
                </p>
                <ul className="list-disc space-y-1 pl-5 text-sm">
                  <li>Check the spelling, or use the plain name (&ldquo;tomato&rdquo; rather than &ldquo;San Marzano tomatoes&rdquo;).</li>
                  <li>Try one or two of your main ingredients first{filtered ? ", or fewer filters" : ""}.</li>
                  <li>
                    <Link href="/" className="link">
                      Browse the newest recipes
                    </Link>{" "}
                    or add one of your own.
                  </li>
                </ul>
              </>
            ) : (
              <p>
                No recipes yet.{" "}
                <Link href="/recipes/new" className="link">
                  Add the first one
                </Link>
                .
              </p>
            )}
          </div>
        ) : (
          <ResultGroups results={results} searchedFor={found.searchedFor} searching={searching} query={query} />
        )}
        {pagesCapped && page === pageCount ? (
          <p className="mt-4 text-sm text-stone-600" data-testid="pages-capped">
            These are the best {MAX_SEARCH_PAGE * PAGE_SIZE} matches. Add another ingredient to narrow the search.
          </p>
        ) : null}
        <Pager label="Pages of results" page={page} pageCount={pageCount} hrefFor={(n) => searchHref(query, n)} />
      </section>
    </div>
  );
}
