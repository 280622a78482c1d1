import Link from "next/link";
import { IngredientCombobox } from "@/components/search/ingredient-combobox";
import { getDb } from "@/infra/db";
import { parseIngredientQuery } from "@/core/ingredients/query";
import { MAX_SEARCH_PAGE, PAGE_SIZE, searchRecipes, type SearchResult } from "@/core/search/search";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const last = (value: string | string[] | undefined) => (Array.isArray(value) ? value.at(-1) : value);

/** Reads the shareable query string: ?ingredients=tomato,basil&staples=counted&page=2. */
function readQuery(params: Record<string, string | string[] | undefined>) {
  const raw = params.ingredients;
  const text = (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).slice(0, 2000);
  const page = Number(last(params.page));
  return {
    text,
    terms: parseIngredientQuery(text),
    // The checkbox posts "assumed" after a hidden "counted": the last value wins; absent means assumed.
    assumeStaples: last(params.staples) !== "counted",
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  };
}

function pageHref(query: ReturnType<typeof readQuery>, page: number) {
  const params = new URLSearchParams();
  if (query.terms.length) params.set("ingredients", query.terms.join(","));
  if (!query.assumeStaples) params.set("staples", "counted");
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/?${search}` : "/";
}

function ResultCard({ result, searching }: { result: SearchResult; searching: boolean }) {
  return (
    <li className="card p-4" data-testid="search-result">
      <h3 className="text-lg font-semibold">
        <Link href={`/recipes/${result.id}`} className="link no-underline hover:underline">
          {result.title}
        </Link>
      </h3>
      {searching ? (
        <>
          <p className="mt-1 text-sm font-medium text-stone-800" data-testid="result-counts">
            uses {result.used.length} of yours ·{" "}
            {result.missing.length === 0 ? "needs nothing more" : `needs ${result.missing.length} more`}
          </p>
          <p className="mt-1 text-sm text-green-800">
            <span className="font-medium">You have:</span> {result.used.join(", ")}
          </p>
          {result.missing.length > 0 ? (
            <p className="mt-0.5 text-sm text-stone-700">
              <span className="font-medium">Missing:</span> {result.missing.join(", ")}
            </p>
          ) : null}
        </>
      ) : (
        <p className="mt-1 line-clamp-2 text-sm text-stone-700">{result.summary}</p>
      )}
    </li>
  );
}

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const query = readQuery(await searchParams);
  const searching = query.terms.length > 0;
  const { results, total, totalCapped, page, pageCount, pagesCapped, searchedFor, ignoredStaples } = await searchRecipes(
    await getDb(),
    query.terms,
    { assumeStaples: query.assumeStaples, page: query.page },
  );

  return (
    <div>
      <section className="mb-8">
        <h1 className="mb-2 text-3xl font-bold">Cook with what you have</h1>
        <p className="mb-4 text-stone-700">Type the ingredients in your kitchen and Pantry finds recipes that use them.</p>
        <form method="get" action="/" role="search" className="card space-y-3 p-4">
          <label htmlFor="ingredients-input" className="block text-sm font-medium text-stone-800">
            Ingredients you have
          </label>
          <IngredientCombobox key={query.text} defaultValue={query.terms.length ? query.text : ""} initialChips={query.terms} />
          <p id="ingredients-hint" className="text-sm text-stone-600">
            Separate them with commas.
          </p>
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
      </section>

      <section aria-labelledby="results-heading" aria-live="polite">
        <h2 id="results-heading" className="mb-4 text-xl font-semibold">
          {searching
            ? `${totalCapped ? `More than ${total.toLocaleString("en")}` : total} ${total === 1 && !totalCapped ? "recipe uses" : "recipes use"} ${searchedFor.join(", ")}`
            : "Newest recipes"}
        </h2>
        {ignoredStaples.length > 0 ? (
          <p className="-mt-2 mb-4 text-sm text-stone-600" data-testid="ignored-staples">
            {ignoredStaples.join(", ")} {ignoredStaples.length === 1 ? "is a pantry staple" : "are pantry staples"}, assumed in every
            kitchen, so {ignoredStaples.length === 1 ? "it does" : "they do"} not change the results. Untick the staples box to count{" "}
            {ignoredStaples.length === 1 ? "it" : "them"}.
          </p>
        ) : null}
        {results.length === 0 ? (
          <div className="card text-stone-700" data-testid="empty-state">
            {searching ? (
              <>
                <p className="mb-2">No recipe uses {searchedFor.join(", ")} yet.</p>
                <ul className="list-disc space-y-1 pl-5 text-sm">
                  <li>Check the spelling, or use the plain name (&ldquo;tomato&rdquo; rather than &ldquo;San Marzano tomatoes&rdquo;).</li>
                  <li>Try one or two of your main ingredients first.</li>
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
          <ol className="grid gap-3 sm:grid-cols-2">
            {results.map((result) => (
              <ResultCard key={result.id} result={result} searching={searching} />
            ))}
          </ol>
        )}
        {pagesCapped && page === pageCount ? (
          <p className="mt-4 text-sm text-stone-600" data-testid="pages-capped">
            These are the best {MAX_SEARCH_PAGE * PAGE_SIZE} matches. Add another ingredient to narrow the search.
          </p>
        ) : null}
        {pageCount > 1 ? (
          <nav aria-label="Pages of results" className="mt-6 flex items-center justify-between gap-3 text-sm">
            {page > 1 ? (
              <Link href={pageHref(query, page - 1)} className="btn-secondary" rel="prev">
                ← Previous
              </Link>
            ) : (
              <span />
            )}
            <span className="text-stone-700">
              Page {page} of {pageCount}
            </span>
            {page < pageCount ? (
              <Link href={pageHref(query, page + 1)} className="btn-secondary" rel="next">
                Next →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
