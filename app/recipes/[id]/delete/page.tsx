import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteRecipeAction } from "@/app/recipes/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { getDb } from "@/infra/db";
import { requireUser } from "@/auth/user";
import { getOwnRecipe, parseRecipeId } from "@/core/recipes/queries";

export const metadata: Metadata = { title: "Delete recipe" };

/** The confirm step before a delete: a page of its own, so it works without JavaScript. */
export default async function DeleteRecipePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const id = parseRecipeId(rawId);
  const user = await requireUser(`/recipes/${rawId}/delete`);
  const recipe = id ? await getOwnRecipe(await getDb(), user.id, id) : null;
  if (!recipe) notFound();
  return (
    <div className="card mx-auto max-w-lg">
      <h1 className="mb-2 text-2xl font-bold">Delete “{recipe.title}”?</h1>
      <p className="mb-6 text-stone-700">The recipe is removed for good. This cannot be undone.</p>
      <form action={deleteRecipeAction} className="flex flex-wrap gap-3">
        <input type="hidden" name="id" value={recipe.id} />
        <SubmitButton className="btn-danger" pendingLabel="Deleting…">
          Delete recipe
        </SubmitButton>
        <Link href="/dashboard" className="btn-secondary">
          Cancel
        </Link>
      </form>
    </div>
  );
}
