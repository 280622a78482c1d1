/** What every server action behind a form returns to it (see validatedAction). */
export type FormState = {
  /** A message for the whole form, announced in its live region. */
  message?: string;
  messageTone?: "error" | "success";
  /** A machine-readable outcome the form may react to, e.g. "inactive" on login. */
  code?: string;
  /** The first problem with each field, shown next to it. */
  fieldErrors?: Record<string, string>;
  /** The submitted values, so a re-rendered form keeps them (never passwords or tokens). */
  values?: Record<string, string>;
};

export const initialFormState: FormState = {};
