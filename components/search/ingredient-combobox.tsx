"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";
import type { Suggestion } from "@/core/search/suggest";
import { useHydrated } from "@/components/forms/use-hydrated";

/** Long enough to skip the keystrokes of a word typed in one go, short enough to feel immediate. */
const DEBOUNCE_MS = 120;
const SUGGEST_URL = "/api/ingredients/suggest";

const split = (value: string) =>
  value
    .split(/[,;\n]/)
    .map((term) => term.trim())
    .filter(Boolean);

/** How the server compares typed text with the dictionary, near enough to tell a typed complete name from a prefix. */
const plain = (text: string) => text.normalize("NFKC").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

const sameChip = (a: string, b: string) => plain(a) === plain(b);

const unique = (names: readonly string[]) => names.filter((name, at) => names.findIndex((other) => sameChip(other, name)) === at);

/** The answer's suggestions, or none when it is not the expected shape. */
function readSuggestions(body: unknown): Suggestion[] {
  const list = (body as { suggestions?: unknown } | null)?.suggestions;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (item): item is Suggestion =>
      typeof item?.name === "string" && (item.matched === null || typeof item.matched === "string") && typeof item.recipeCount === "number",
  );
}

/** The suggestion the text names completely (its canonical name, plural or other name), if any. */
const exactIn = (suggestions: readonly Suggestion[], text: string) =>
  suggestions.find((suggestion) => plain(suggestion.matched ?? suggestion.name) === plain(text));

type Props = {
  defaultValue: string;
  /** The canonical names the server read from the query; when given they are the chips, not `defaultValue` split. */
  initialChips?: string[];
  id?: string;
  name?: string;
  /** Rendered as the field's own label when the page does not label it. */
  label?: string;
  hintId?: string;
};

/**
 * The ingredient field as a WAI-ARIA combobox: suggestions from the dictionary as you type, each
 * chosen one a chip of its canonical name. Without JavaScript it is the plain comma-separated
 * field, and either way the form sends one `ingredients` value, so the URL stays shareable.
 */
export function IngredientCombobox({
  defaultValue,
  initialChips,
  id = "ingredients-input",
  name = "ingredients",
  label: fieldLabel,
  hintId = "ingredients-hint",
}: Props) {
  const hydrated = useHydrated();
  const [chips, setChips] = useState(() => unique(initialChips?.length ? initialChips : split(defaultValue)));
  const [draft, setDraft] = useState("");
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  // Read in event handlers and timers, which may run after a later render than the one that made them.
  const chipsRef = useRef(chips);
  const draftRef = useRef("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<AbortController | null>(null);
  const cache = useRef(new Map<string, Suggestion[]>());
  const listboxId = `${useId()}-suggestions`;

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      pending.current?.abort();
    },
    [],
  );

  if (!hydrated) {
    return (
      <>
        {fieldLabel ? (
          <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800">
            {fieldLabel}
          </label>
        ) : null}
        <input
          id={id}
          name={name}
          defaultValue={defaultValue}
          placeholder="e.g. tomato, basil, garlic"
          className="input"
          aria-describedby={hintId}
          autoComplete="off"
        />
      </>
    );
  }

  /**
   * The suggestions for `text`, from the cache or the server; null when a newer request replaced
   * this one. What is typed replaces its own earlier request (`latestOnly`); the names of a pasted
   * list are looked up side by side.
   */
  async function lookup(text: string, { latestOnly = true } = {}): Promise<Suggestion[] | null> {
    const key = plain(text);
    const known = cache.current.get(key);
    if (known) return known;
    const controller = new AbortController();
    if (latestOnly) {
      pending.current?.abort();
      pending.current = controller;
    }
    try {
      const response = await fetch(`${SUGGEST_URL}?q=${encodeURIComponent(key)}`, { signal: controller.signal });
      const found = response.ok ? readSuggestions(await response.json()) : [];
      if (response.ok) cache.current.set(key, found);
      return found;
    } catch {
      // Aborted for a newer keystroke, or offline: the field still takes names as typed.
      return controller.signal.aborted ? null : [];
    } finally {
      if (pending.current === controller) pending.current = null;
    }
  }

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function changeChips(next: string[]) {
    chipsRef.current = next;
    setChips(next);
  }

  function changeDraft(text: string) {
    draftRef.current = text;
    setDraft(text);
  }

  function show(found: Suggestion[]) {
    setSuggestions(found);
    setActive(-1);
    setOpen(found.length > 0);
    setStatus(
      found.length === 0
        ? "No suggestions."
        : `${found.length} ${found.length === 1 ? "suggestion" : "suggestions"}. Use the up and down arrows to choose one, Enter to add it.`,
    );
  }

  function addChips(names: readonly string[]) {
    clearTimeout(timer.current);
    pending.current?.abort();
    const current = chipsRef.current;
    const fresh = unique(names).filter((candidate) => !current.some((chip) => sameChip(chip, candidate)));
    if (fresh.length > 0) changeChips([...current, ...fresh]);
    setStatus(
      fresh.length > 0 ? `Added ${fresh.join(", ")}.` : `${names.join(", ")} ${names.length === 1 ? "is" : "are"} already in your list.`,
    );
    changeDraft("");
    setSuggestions([]);
    close();
  }

  /** A typed name becomes the canonical name it stands for, or stays as typed when the dictionary does not know it. */
  async function canonical(text: string): Promise<string> {
    const found = await lookup(text, { latestOnly: false });
    return exactIn(found ?? [], text)?.name ?? text;
  }

  function onChange(text: string) {
    if (/[,;]/.test(text)) {
      // A comma ends a name, as in the plain field; a pasted list becomes several chips.
      const parts = split(text);
      changeDraft("");
      void Promise.all(parts.map((part) => canonical(part))).then(addChips);
      return;
    }
    changeDraft(text);
    clearTimeout(timer.current);
    if (text.trim() === "") {
      pending.current?.abort();
      setSuggestions([]);
      close();
      return;
    }
    timer.current = setTimeout(async () => {
      const found = await lookup(text);
      if (found !== null && draftRef.current === text) show(found);
    }, DEBOUNCE_MS);
  }

  /** Enter on typed text: a complete name (canonical, plural or other name) or one the dictionary does not know is added; a prefix opens its suggestions. */
  async function commitDraft(text: string) {
    clearTimeout(timer.current);
    const found = await lookup(text);
    if (found === null || draftRef.current !== text) return;
    const exact = exactIn(found, text);
    if (exact) addChips([exact.name]);
    else if (found.length === 0) addChips([text.trim()]);
    else {
      show(found);
      setActive(0);
    }
  }

  /** Removing a chip searches again, so the results always match the chips. */
  function removeChip(chip: string) {
    flushSync(() => changeChips(chipsRef.current.filter((other) => other !== chip)));
    inputRef.current?.form?.requestSubmit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return;
    const count = suggestions.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (count === 0) return;
      event.preventDefault();
      const down = event.key === "ArrowDown";
      if (!open) {
        setOpen(true);
        setActive(down ? 0 : count - 1);
      } else setActive(down ? (active + 1) % count : active <= 0 ? count - 1 : active - 1);
    } else if (event.key === "Enter") {
      if (open && active >= 0 && suggestions[active]) {
        event.preventDefault();
        addChips([suggestions[active].name]);
      } else if (draft.trim()) {
        event.preventDefault();
        void commitDraft(draft);
      } else close(); // An empty draft: Enter submits the form as usual.
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        close();
      } else if (draft) {
        event.preventDefault();
        changeDraft("");
        setSuggestions([]);
      }
    } else if (event.key === "Backspace" && draft === "" && chips.length > 0) {
      event.preventDefault();
      removeChip(chips.at(-1)!);
    }
  }

  const optionId = (at: number) => `${listboxId}-${at}`;

  return (
    <div className="relative">
      {fieldLabel ? (
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800">
          {fieldLabel}
        </label>
      ) : null}
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
                  onClick={() => removeChip(chip)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          ref={inputRef}
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listboxId}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          aria-describedby={hintId}
          value={draft}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={close}
          placeholder={chips.length ? "Add another…" : "e.g. tomato, basil, garlic"}
          className="min-w-32 flex-1 border-0 bg-transparent p-0 outline-none focus:outline-none"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <ul
        id={listboxId}
        role="listbox"
        aria-label="Suggested ingredients"
        hidden={!open}
        className="absolute inset-x-0 z-10 mt-1 max-h-72 overflow-y-auto rounded-md border border-stone-200 bg-white p-1 shadow-md"
      >
        {suggestions.map((suggestion, at) => (
          <li
            key={suggestion.name}
            id={optionId(at)}
            role="option"
            aria-selected={at === active}
            // Keeps the focus in the field, so the next name can be typed straight after a click.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => addChips([suggestion.name])}
            onMouseMove={() => at !== active && setActive(at)}
            className={`cursor-pointer rounded px-3 py-1.5 text-sm ${at === active ? "bg-brand-100 text-brand-800" : "text-stone-800"}`}
          >
            {suggestion.name}
            {suggestion.matched ? <span className="text-stone-600"> ({suggestion.matched})</span> : null}
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite" className="sr-only">
        {status}
      </div>
      <input type="hidden" name={name} value={[...chips, draft.trim()].filter(Boolean).join(", ")} />
    </div>
  );
}
