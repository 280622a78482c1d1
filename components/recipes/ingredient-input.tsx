"use client";

import { useState, type KeyboardEvent } from "react";
import { useHydrated } from "@/components/forms/use-hydrated";

const split = (value: string) =>
  value
    .split(/[,;\n]/)
    .map((term) => term.trim())
    .filter(Boolean);

/** Without JavaScript one comma-separated field; with it, removable chips, still sent as one `ingredients` field so the URL stays shareable. */
export function IngredientInput({ defaultValue }: { defaultValue: string }) {
  const hydrated = useHydrated();
  const [chips, setChips] = useState(() => split(defaultValue));
  const [draft, setDraft] = useState("");

  if (!hydrated) {
    return (
      <input
        id="ingredients-input"
        name="ingredients"
        defaultValue={defaultValue}
        placeholder="e.g. tomato, basil, garlic"
        className="input"
        aria-describedby="ingredients-hint"
        autoComplete="off"
      />
    );
  }

  const add = (text: string) => {
    const terms = split(text).filter((term) => !chips.some((chip) => chip.toLowerCase() === term.toLowerCase()));
    if (terms.length > 0) setChips([...chips, ...terms]);
    setDraft("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === "Enter" || event.key === ",") && draft.trim()) {
      event.preventDefault();
      add(draft);
    } else if (event.key === "Backspace" && draft === "" && chips.length > 0) {
      setChips(chips.slice(0, -1));
    }
  };

  return (
    <div className="input flex flex-wrap items-center gap-2 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-600">
      {chips.length > 0 ? (
        <ul className="contents" aria-label="Your ingredients">
          {chips.map((chip) => (
            <li
              key={chip}
              className="flex items-center gap-1 rounded-full bg-brand-100 py-0.5 pr-1 pl-3 text-sm text-brand-800"
              data-testid="ingredient-chip"
            >
              {chip}
              <button
                type="button"
                className="rounded-full px-1.5 leading-none hover:bg-brand-50"
                aria-label={`Remove ${chip}`}
                onClick={() => setChips(chips.filter((other) => other !== chip))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id="ingredients-input"
        value={draft}
        onChange={(event) => (event.target.value.includes(",") ? add(event.target.value) : setDraft(event.target.value))}
        onKeyDown={onKeyDown}
        onBlur={() => draft.trim() && add(draft)}
        placeholder={chips.length ? "Add another…" : "e.g. tomato, basil, garlic"}
        className="min-w-32 flex-1 border-0 bg-transparent p-0 outline-none focus:outline-none"
        aria-describedby="ingredients-hint"
        autoComplete="off"
      />
      <input type="hidden" name="ingredients" value={[...chips, draft.trim()].filter(Boolean).join(", ")} />
    </div>
  );
}
