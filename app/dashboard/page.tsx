import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/infra/db";
import { requireUser } from "@/auth/user";
import { listOwnRecipes } from "@/core/recipes/queries";

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
        // relative: the sr-only "Actions" label (position: absolute) must sit inside this scroller, or
        // the page is its containing block and a 360 px wide phone gets a 488 px wide document.
        <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Your recipes</caption>
            <thead className="bg-stone-100 text-stone-700">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Title
                </th>
                <th scope="col" className="px-4 py-3">
                  Ingredients
                </th>
                <th scope="col" className="px-4 py-3">
                  Created
                </th>
                <th scope="col" className="px-4 py-3">
                  Updated
                </th>
                <th scope="col" className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-stone-200" data-testid="dashboard-row">
                  <th scope="row" className="px-4 py-3 font-medium">
                    <Link href={`/recipes/${row.id}`} className="link break-words">
                      {row.title}
                    </Link>
                  </th>
                  <td className="px-4 py-3">{row.ingredientCount}</td>
                  <td className="px-4 py-3">{date.format(row.createdAt)}</td>
                  <td className="px-4 py-3">{date.format(row.updatedAt)}</td>
                  <td className="px-4 py-3 whitespace-nowrap text-right">
                    <Link href={`/recipes/${row.id}/edit`} className="link mr-4" aria-label={`Edit ${row.title}`}>
                      Edit
                    </Link>
                    <Link href={`/recipes/${row.id}/delete`} className="link text-red-800" aria-label={`Delete ${row.title}`}>
                      Delete
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
