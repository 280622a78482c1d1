"use client";

import { useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { useHydrated } from "@/components/forms/use-hydrated";
import type { FieldRegistration } from "@/components/forms/use-zod-form";
import { pastedLines, splitAtSelection } from "./line-list-edits";

type Props = {
  /** The form's registration of the one text field the lines travel in. */
  registration: FieldRegistration;
  defaultValue?: string;
  id: string;
  label: string;
  itemLabel: string;
  hint: string;
  error?: string;
  multiline?: boolean;
};

/**
 * Without JavaScript a textarea, a line each; with it, one input per line, kept here and written to a hidden input.
 * Either way the form posts one text field, and the form's checks (once loaded) hear of each change and blur.
 */
export function LineListField({ registration, defaultValue = "", id, label, itemLabel, hint, error, multiline = false }: Props) {
  const hydrated = useHydrated();
  const [value, setValue] = useState(defaultValue);
  // react-hook-form's callback that registers the hidden input, once the checks have loaded.
  const { name, ref: registerInput } = registration;
  const listRef = useRef<HTMLOListElement>(null);
  // The line to focus once the render that adds it is on the screen.
  const focusLine = useRef<number | null>(null);

  useEffect(() => {
    if (focusLine.current === null) return;
    document.getElementById(`${id}-${focusLine.current}`)?.focus();
    focusLine.current = null;
  });

  // Each step's box is as tall as its text, so a long step is read without scrolling inside it: CSS
  // field-sizing where the browser has it, else measured here. Collapsing a box to measure it shortens
  // the page for a moment, which moves the scroll position (and a click under way): it is put back.
  useLayoutEffect(() => {
    if (CSS.supports("field-sizing", "content")) return;
    const scrollY = window.scrollY;
    for (const box of listRef.current?.querySelectorAll("textarea") ?? []) {
      box.style.height = "auto";
      box.style.height = `${box.scrollHeight + box.offsetHeight - box.clientHeight}px`;
    }
    if (window.scrollY !== scrollY) window.scrollTo({ top: scrollY });
  });
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
  const update = (next: string[]) => {
    const joined = next.join("\n");
    setValue(joined);
    void registration.onChange?.({ target: { name, value: joined }, type: "change" });
  };
  const onBlur = () => void registration.onBlur?.({ target: { name, value }, type: "blur" });
  const lower = itemLabel.toLowerCase();
  const addLine = (after: number, text = "") => {
    focusLine.current = after + 1;
    update([...items.slice(0, after + 1), text, ...items.slice(after + 1)]);
  };
  // Enter starts the next line, as in a list editor, instead of submitting the whole form.
  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    const box = event.currentTarget;
    const [before, after] = splitAtSelection(box.value, box.selectionStart ?? box.value.length, box.selectionEnd ?? box.value.length);
    focusLine.current = index + 1;
    update([...items.slice(0, index), before, after, ...items.slice(index + 1)]);
  };
  // A pasted list becomes one line per line of the paste.
  const onPaste = (index: number) => (event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const lines = pastedLines(event.clipboardData.getData("text/plain"));
    if (lines.length < 2) return;
    event.preventDefault();
    const box = event.currentTarget;
    const [before, after] = splitAtSelection(box.value, box.selectionStart ?? box.value.length, box.selectionEnd ?? box.value.length);
    const pasted = [before + lines[0], ...lines.slice(1, -1), lines.at(-1)! + after];
    focusLine.current = index + pasted.length - 1;
    update([...items.slice(0, index), ...pasted, ...items.slice(index + 1)]);
  };

  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="mb-1 block text-sm font-medium text-stone-800">{label}</legend>
      <p id={`${id}-hint`} className="mb-2 text-sm text-stone-600">
        {hint}
      </p>
      <ol ref={listRef} className="space-y-2">
        {items.map((item, index) => {
          const inputId = `${id}-${index}`;
          const common = {
            id: inputId,
            value: item,
            className: "input",
            "aria-label": `${itemLabel} ${index + 1}`,
            "aria-invalid": error ? true : undefined,
            onBlur,
            onKeyDown: onKeyDown(index),
            onPaste: onPaste(index),
          };
          return (
            <li key={index} className="flex items-start gap-1.5 sm:gap-2">
              <span className="mt-2 w-5 shrink-0 text-right text-sm text-stone-500 sm:w-6" aria-hidden="true">
                {index + 1}.
              </span>
              {multiline ? (
                <textarea
                  {...common}
                  rows={2}
                  className="input field-sizing-content resize-none overflow-hidden"
                  onChange={(event) => update(items.map((old, i) => (i === index ? event.target.value.replace(/\n/g, " ") : old)))}
                />
              ) : (
                <input {...common} onChange={(event) => update(items.map((old, i) => (i === index ? event.target.value : old)))} />
              )}
              {/* On a phone a cross, so the line keeps the width; the name says which line it removes. */}
              <button
                type="button"
                className="btn-secondary size-11 shrink-0 px-0 sm:h-auto sm:w-auto sm:px-3"
                aria-label={`Remove ${lower} ${index + 1}`}
                disabled={items.length === 1}
                onClick={() => update(items.filter((_, i) => i !== index))}
              >
                <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 sm:hidden">
                  <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                </svg>
                <span className="hidden sm:inline">Remove</span>
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn-secondary mt-2" onClick={() => addLine(items.length - 1)}>
        Add {lower}
      </button>
      <input type="hidden" name={name} ref={registerInput} value={value} />
      {errorText}
    </fieldset>
  );
}
