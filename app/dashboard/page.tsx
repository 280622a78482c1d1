import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/infra/db";
import { requireUser } from "@/auth/user";
import { listOwnRecipes } from "@/core/recipes/queries";
import { RecipePhoto } from "@/components/recipes/recipe-photo";

export const metadata: Metadata = { title: "Dashboard" };

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const rows = await listOwnRecipes(await getDb(), user.id);
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Your recipes</h1>
        <Link href="/recipes/new" className="btn-primary">
          Add recipe
        </Link>
      </div>
      {rows.length === 0 ? (
        <div className="card text-center">
          <p className="mb-4 text-stone-700">You have not added a recipe yet.</p>
          <Link href="/recipes/new" className="link">
            Add your first recipe
          </Link>
        </div>
      ) : (
        // One card per recipe, its actions below the title on a phone and beside it on wide screens:
        // nothing a phone has to scroll sideways to reach.
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Your recipes">
          {rows.map((row) => (
            <li
              key={row.id}
              className="flex flex-col gap-3 px-4 py-4 md:flex-row md:items-center md:justify-between md:gap-6"
              data-testid="dashboard-row"
            >
              <div className="flex min-w-0 items-start gap-4">
                <div className="w-24 shrink-0 sm:w-32">
                  <RecipePhoto photo={row.photo} title={row.title} sizes="8rem" decorative lazy />
                </div>
                <div className="min-w-0">
                  <h2 className="font-semibold break-words">
                    <Link href={`/recipes/${row.id}`} className="link">
                      {row.title}
                    </Link>
                  </h2>
                  <p className="mt-1 text-sm text-stone-600">
                    {row.ingredientCount} {row.ingredientCount === 1 ? "ingredient" : "ingredients"} · Created{" "}
                    <time dateTime={row.createdAt.toISOString()}>{date.format(row.createdAt)}</time> · Updated{" "}
                    <time dateTime={row.updatedAt.toISOString()}>{date.format(row.updatedAt)}</time>
                  </p>
                </div>
              </div>
              <div className="flex shrink-0 flex-wrap gap-2">
                <Link href={`/recipes/${row.id}`} className="btn-secondary" aria-label={`View ${row.title}`}>
                  View
                </Link>
                <Link href={`/recipes/${row.id}/edit`} className="btn-secondary" aria-label={`Edit ${row.title}`}>
                  Edit
                </Link>
                <Link href={`/recipes/${row.id}/delete`} className="btn-secondary" aria-label={`Delete ${row.title}`}>
                  Delete
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
