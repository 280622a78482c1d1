import type { InputHTMLAttributes } from "react";
import type { FieldRegistration } from "./use-zod-form";

type Props = {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  registration?: FieldRegistration;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id">;

/** A labelled input whose error is tied to it (aria-describedby) and announced (aria-live). */
export function TextField({ id, label, error, hint, registration, className, ...input }: Props) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
        {...registration}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <p id={`${id}-error`} className="mt-1 min-h-5 text-sm text-red-700" aria-live="polite" data-testid={`${id}-error`}>
        {error}
      </p>
    </div>
  );
}
