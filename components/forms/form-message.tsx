import type { FormState } from "@/web/forms/form-state";

/** The form's own message: announced politely, coloured by tone. */
export function FormMessage({ state, id }: { state: FormState; id: string }) {
  const tone = state.messageTone === "success" ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900";
  return (
    <div id={id} aria-live="polite" data-testid={id}>
      {state.message ? <p className={`mb-4 rounded-md border px-3 py-2 text-sm ${tone}`}>{state.message}</p> : null}
    </div>
  );
}
