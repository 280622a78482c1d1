"use client";

import { useController, type Control, type FieldValues, type Path } from "react-hook-form";
import { useHydrated } from "@/components/forms/use-hydrated";

type Props<T extends FieldValues> = {
  control: Control<T>;
  name: Path<T>;
  id: string;
  label: string;
  itemLabel: string;
  hint: string;
  error?: string;
  multiline?: boolean;
};

/** Without JavaScript a textarea, a line each; with it, one input per line. Either way the form posts one text field. */
export function LineListField<T extends FieldValues>({ control, name, id, label, itemLabel, hint, error, multiline = false }: Props<T>) {
  const hydrated = useHydrated();
  const { field } = useController({ control, name });
  const value = typeof field.value === "string" ? field.value : "";
  const describedBy = `${id}-hint${error ? ` ${id}-error` : ""}`;
  const errorText = (
    <p id={`${id}-error`} className="mt-1 min-h-5 text-sm text-red-700" aria-live="polite" data-testid={`${id}-error`}>
      {error}
    </p>
  );

  if (!hydrated) {
    return (
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800">
          {label}
        </label>
        <p id={`${id}-hint`} className="mb-1 text-sm text-stone-600">
          {hint} One per line.
        </p>
        <textarea
          id={id}
          name={name}
          defaultValue={value}
          rows={multiline ? 8 : 6}
          className="input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        {errorText}
      </div>
    );
  }

  const items = value.split("\n");
  const update = (next: string[]) => field.onChange(next.join("\n"));
  const lower = itemLabel.toLowerCase();

  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="mb-1 block text-sm font-medium text-stone-800">{label}</legend>
      <p id={`${id}-hint`} className="mb-2 text-sm text-stone-600">
        {hint}
      </p>
      <ol className="space-y-2">
        {items.map((item, index) => {
          const inputId = `${id}-${index}`;
          const common = {
            id: inputId,
            value: item,
            className: "input",
            "aria-label": `${itemLabel} ${index + 1}`,
            "aria-invalid": error ? true : undefined,
            onBlur: field.onBlur,
          };
          return (
            <li key={index} className="flex items-start gap-2">
              <span className="mt-2 w-6 shrink-0 text-right text-sm text-stone-500" aria-hidden="true">
                {index + 1}.
              </span>
              {multiline ? (
                <textarea
                  {...common}
                  rows={2}
                  onChange={(event) => update(items.map((old, i) => (i === index ? event.target.value.replace(/\n/g, " ") : old)))}
                />
              ) : (
                <input {...common} onChange={(event) => update(items.map((old, i) => (i === index ? event.target.value : old)))} />
              )}
              <button
                type="button"
                className="btn-secondary shrink-0 px-3"
                aria-label={`Remove ${lower} ${index + 1}`}
                disabled={items.length === 1}
                onClick={() => update(items.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn-secondary mt-2" onClick={() => update([...items, ""])}>
        Add {lower}
      </button>
      <input type="hidden" name={name} value={value} />
      {errorText}
    </fieldset>
  );
}
