"use client";

import { useActionState } from "react";
import type { FormState } from "@/web/forms/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * Save / Saved, a toggle button in a plain form: without JavaScript it posts and the page comes
 * back with the new state; with it the button shows the new state at once (aria-pressed) while
 * the action runs, and the page refreshes from its answer.
 */
export function SaveRecipeButton({
  recipeId,
  saved,
  returnTo,
  action,
}: {
  recipeId: number;
  saved: boolean;
  returnTo: string;
  action: Action;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  // While the post is on its way the button already says what it will be.
  const shown = pending ? !saved : saved;
  const problem = state.message && state.messageTone === "error" ? "That did not work. Please try again." : null;
  return (
    <form action={formAction} className="print:hidden" data-testid="save-recipe-form">
      <input type="hidden" name="recipeId" value={recipeId} />
      <input type="hidden" name="intent" value={saved ? "unsave" : "save"} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        aria-pressed={shown}
        disabled={pending}
        className={shown ? "btn-primary" : "btn-secondary"}
        data-testid="save-recipe"
      >
        <span aria-hidden="true" className="mr-1">
          {shown ? "★" : "☆"}
        </span>
        {shown ? "Saved" : "Save"}
      </button>
      {problem ? (
        <p role="status" className="mt-1 text-sm text-red-800">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
