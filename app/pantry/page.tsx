import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/auth/user";
import { SubmitButton } from "@/components/forms/submit-button";
import { pantrySearchHref } from "@/components/pantry/pantry-search-link";
import { listPantry, MAX_PANTRY_ITEMS, type PantryAisle, type PantryItem } from "@/core/pantry/pantry";
import { getDb } from "@/infra/db";
import { removeFromPantryAction } from "./actions";
import { PantryAddForm } from "./pantry-add-form";

export const metadata: Metadata = { title: "My pantry" };

const AISLE_LABELS: Record<PantryAisle, string> = {
  produce: "Fruit and vegetables",
  meat: "Meat",
  fish: "Fish and seafood",
  dairy: "Dairy and eggs",
  bakery: "Bakery",
  grains: "Pasta, rice and grains",
  baking: "Baking",
  tins: "Tins and jars",
  spices: "Herbs and spices",
  condiments: "Sauces and condiments",
  oils: "Oils and vinegars",
  nuts: "Nuts and seeds",
  frozen: "Frozen",
  drinks: "Drinks",
  other: "Other",
};

/** Consecutive items of one aisle; listPantry already sorts by aisle. */
function byAisle(items: PantryItem[]): { aisle: PantryAisle; items: PantryItem[] }[] {
  const groups: { aisle: PantryAisle; items: PantryItem[] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last?.aisle === item.aisle) last.items.push(item);
    else groups.push({ aisle: item.aisle, items: [item] });
  }
  return groups;
}

export default async function PantryPage() {
  const user = await requireUser("/pantry");
  const items = await listPantry(await getDb(), user.id);
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <div>
        <h1 className="mb-1 text-2xl font-bold">My pantry</h1>
        <p className="text-stone-700">Keep a list of what is in your kitchen, then search for recipes that use it.</p>
      </div>
      <section aria-labelledby="pantry-add-heading" className="card">
        <h2 id="pantry-add-heading" className="mb-3 text-lg font-semibold">
          Stock your pantry
        </h2>
        <PantryAddForm />
      </section>
      <section aria-labelledby="pantry-items-heading">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <h2 id="pantry-items-heading" className="text-lg font-semibold">
            In your pantry ({items.length} of at most {MAX_PANTRY_ITEMS})
          </h2>
          {items.length > 0 ? (
            <Link href={pantrySearchHref(items.map((item) => item.name))} className="btn-primary" data-testid="pantry-search">
              Search with my pantry
            </Link>
          ) : null}
        </div>
        {items.length === 0 ? (
          <div className="card text-center" data-testid="pantry-empty">
            <p className="text-stone-700">Your pantry is empty. Add the ingredients you have above.</p>
          </div>
        ) : (
          <div className="space-y-6">
            {byAisle(items).map((group) => (
              <section key={group.aisle} aria-labelledby={`aisle-${group.aisle}`} data-testid="pantry-aisle">
                <h3 id={`aisle-${group.aisle}`} className="mb-2 font-semibold text-stone-800">
                  {AISLE_LABELS[group.aisle]}
                </h3>
                <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
                  {group.items.map((item) => (
                    <li key={item.name} className="flex items-center justify-between gap-3 px-4 py-2" data-testid="pantry-item">
                      <span className="break-words" data-testid="pantry-item-name">
                        {item.name}
                      </span>
                      <form action={removeFromPantryAction}>
                        <input type="hidden" name="name" value={item.name} />
                        <SubmitButton className="btn-secondary shrink-0 text-sm" pendingLabel="Removing…">
                          Remove<span className="sr-only"> {item.name}</span>
                        </SubmitButton>
                      </form>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
