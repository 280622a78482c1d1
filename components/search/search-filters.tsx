import { DIET_LABELS, DIETS, type Diet } from "@/core/search/diets";

/** Exclusions and diets, folded away until used; a native <details>, so it opens and closes without JavaScript. */
export function SearchFilters({ withoutText, diets, open }: { withoutText: string; diets: readonly Diet[]; open: boolean }) {
  return (
    <details className="rounded-md border border-stone-200 px-3 py-2" open={open}>
      <summary className="cursor-pointer text-sm font-medium text-stone-800">Diets and ingredients to leave out</summary>
      <div className="mt-3 space-y-3">
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-stone-800">Diet</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {DIETS.map((diet) => (
              <label key={diet} className="flex items-center gap-2 text-sm text-stone-800">
                <input type="checkbox" name="diet" value={diet} defaultChecked={diets.includes(diet)} className="size-4 accent-brand-700" />
                {DIET_LABELS[diet]}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="without-input" className="mb-1 block text-sm font-medium text-stone-800">
            Leave out
          </label>
          <input
            id="without-input"
            name="without"
            defaultValue={withoutText}
            placeholder="e.g. nuts, mushroom"
            className="input"
            aria-describedby="without-hint"
            autoComplete="off"
          />
          <p id="without-hint" className="mt-1 text-sm text-stone-600">
            Recipes with any of these, or any kind of them, are left out: &ldquo;nuts&rdquo; leaves out almonds and walnuts.
          </p>
        </div>
      </div>
    </details>
  );
}
