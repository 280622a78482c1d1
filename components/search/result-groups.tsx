import Link from "next/link";
import type { SearchResult } from "@/core/search/search";
import { recipeHref, type SearchUrlQuery } from "@/core/search/search-url";
import { RecipePhoto } from "@/components/recipes/recipe-photo";

/** "Make it now" when nothing is missing, then "Missing 1", "Missing 2", then the rest. */
const bucketOf = (missing: number) => (missing === 0 ? 0 : missing === 1 ? 1 : missing === 2 ? 2 : 3);
const BUCKET_LABELS = ["Make it now", "Missing 1", "Missing 2", "Missing 3 or more"] as const;

type Group = { key: string; label: string; uses: string | null; results: SearchResult[] };

/**
 * Results stay in rank order (most of yours used, then fewest missing); each run of results with the
 * same count of yours and the same missing bucket gets one heading, so the labels never reorder them.
 */
function groupsOf(results: readonly SearchResult[], searchedFor: readonly string[]): Group[] {
  const groups: Group[] = [];
  for (const result of results) {
    const bucket = bucketOf(result.missing.length);
    const key = `${result.used.length}:${bucket}`;
    if (groups.at(-1)?.key !== key) {
      const k = searchedFor.length;
      const used = result.used.length;
      const uses = k <= 1 ? null : used === k ? (k === 2 ? "uses both of yours" : `uses all ${k} of yours`) : `uses ${used} of your ${k}`;
      groups.push({ key, label: BUCKET_LABELS[bucket], uses, results: [] });
    }
    groups.at(-1)!.results.push(result);
  }
  return groups;
}

/**
 * Under the title of a card while browsing: the summary or, when the recipe has none, what goes in it,
 * so that every card in the grid says something about its recipe.
 */
function BrowseText({ result }: { result: SearchResult }) {
  const summary = result.summary.trim();
  if (summary) return <p className="mt-1 line-clamp-2 text-sm text-stone-700">{summary}</p>;
  // Without a search, `missing` is every ingredient but the staples everyone has.
  return (
    <p className="mt-1 line-clamp-2 text-sm text-stone-700" data-testid="result-ingredients">
      {result.missing.length > 0 ? (
        <>
          <span className="font-medium">With</span> {result.missing.join(", ")}
        </>
      ) : (
        "Made from pantry staples"
      )}
    </p>
  );
}

/** The search itself, carried to the recipe so that it marks what you have and links back here. */
type LinkQuery = Omit<SearchUrlQuery, "text" | "withoutText">;

function ResultCard({ result, searching, query }: { result: SearchResult; searching: boolean; query?: LinkQuery }) {
  const missing = result.missing.length;
  return (
    <li className="card p-4" data-testid="search-result">
      <RecipePhoto
        photo={result.photo}
        title={result.title}
        sizes="(min-width: 80rem) 36rem, (min-width: 40rem) 45vw, 100vw"
        decorative
        lazy
        className="mb-3"
      />
      <h3 className="text-lg font-semibold">
        <Link href={recipeHref(result.id, searching ? query : undefined)} className="link no-underline hover:underline">
          {result.title}
        </Link>
      </h3>
      {searching ? (
        <>
          <p className="mt-1 text-sm font-medium text-stone-800" data-testid="result-counts">
            uses {result.used.length} of yours · {missing === 0 ? "needs nothing more" : `needs ${missing} more`}
          </p>
          <p className="mt-1 text-sm text-green-800">
            <span className="font-medium">You have:</span> {result.used.join(", ")}
          </p>
          {missing > 0 ? (
            <p className="mt-0.5 text-sm text-stone-700">
              <span className="font-medium">Missing:</span> {result.missing.join(", ")}
            </p>
          ) : null}
        </>
      ) : (
        <BrowseText result={result} />
      )}
    </li>
  );
}

export function ResultGroups({
  results,
  searchedFor,
  searching,
  query,
}: {
  results: readonly SearchResult[];
  searchedFor: readonly string[];
  searching: boolean;
  query?: LinkQuery;
}) {
  if (!searching) {
    return (
      <ol className="grid gap-3 sm:grid-cols-2">
        {results.map((result) => (
          <ResultCard key={result.id} result={result} searching={false} />
        ))}
      </ol>
    );
  }
  return (
    <div className="space-y-6">
      {groupsOf(results, searchedFor).map((group) => (
        <section key={group.key} aria-label={[group.label, group.uses].filter(Boolean).join(", ")} data-testid="result-group">
          <h3 className="mb-2 flex flex-wrap items-baseline gap-x-2 text-base font-semibold" data-testid="group-heading">
            <span className={group.label === "Make it now" ? "text-green-800" : "text-stone-900"}>{group.label}</span>
            {group.uses ? <span className="text-sm font-normal text-stone-600">{group.uses}</span> : null}
          </h3>
          <ol className="grid gap-3 sm:grid-cols-2">
            {group.results.map((result) => (
              <ResultCard key={result.id} result={result} searching query={query} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
