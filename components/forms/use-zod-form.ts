"use client";

import {
  startTransition,
  useActionState,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type FocusEvent,
  type FormEvent,
} from "react";
import type { FieldValues, UseFormRegisterReturn } from "react-hook-form";
import type * as z from "zod/mini";
import { initialFormState, type FormState } from "@/web/forms/form-state";
import type { ClientChecks } from "./client-checks";

type ServerAction = (state: FormState, formData: FormData) => Promise<FormState>;
type Schema = z.ZodMiniType<FieldValues, FieldValues>;

/** What a field spreads on its input: the name alone while the form is plain, react-hook-form's handlers once it checks. */
export type FieldRegistration = { name: string } & Partial<Omit<UseFormRegisterReturn, "name">>;

const NO_MESSAGES: Readonly<Record<string, string>> = {};
const noSubscription = () => () => {};

/** A file input left empty is an empty, unnamed file in FormData; Next's client would send it named "blob", as if chosen. */
function withoutEmptyFiles(data: FormData): FormData {
  for (const [key, value] of [...data.entries()]) {
    if (value instanceof File && value.size === 0 && value.name === "") data.delete(key);
  }
  return data;
}

/** The inputs a value can be written into; hidden inputs belong to React, files and passwords are never refilled. */
function textInput(form: HTMLFormElement | null, name: string): HTMLInputElement | HTMLTextAreaElement | null {
  const element = form?.elements.namedItem(name);
  if (element instanceof HTMLTextAreaElement) return element;
  if (element instanceof HTMLInputElement && !["hidden", "file", "password", "checkbox", "radio"].includes(element.type)) return element;
  return null;
}

/**
 * A plain <form> posting to a server action, which checks it with the schema and answers with the errors by field:
 * that is all the page loads. On the first focus, pointer press or key press inside the form, react-hook-form, the
 * resolver and the schema load, and from then on the form is checked as the person types, with the same schema.
 * Nothing on the page is replaced when the checks take over: the inputs keep their values and the focus.
 */
export function useZodForm<S extends Schema>(loadSchema: () => Promise<S>, action: ServerAction, initialValues?: Record<string, string>) {
  type Name = Extract<keyof z.input<S>, string>;
  const [state, formAction, pending] = useActionState(action, initialValues ? { values: initialValues } : initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  const [checks, setChecks] = useState<ClientChecks | null>(null);
  // The same checks, for the callbacks below, which stay the same function across renders.
  const checksRef = useRef<ClientChecks | null>(null);
  const loading = useRef<Promise<void> | null>(null);
  // Fields left while the checks were loading: checked as soon as the checks arrive, so a quick tab away still shows its message.
  const leftEarly = useRef(new Set<string>());
  // Errors the page sets itself (a photo too large): `null` hides the server's message for that field.
  const [ownErrors, setOwnErrors] = useState<Record<string, string | null>>({});

  const messages = useSyncExternalStore(
    useCallback((listener: () => void) => checks?.subscribe(listener) ?? noSubscription(), [checks]),
    () => checks?.messages() ?? NO_MESSAGES,
    () => NO_MESSAGES,
  );

  // The server's errors, including those shown before the checks loaded, pass to react-hook-form, which clears
  // each once its field is valid. Before paint, so they never blink.
  useLayoutEffect(() => {
    if (checks && state.fieldErrors) checks.showServerErrors(state.fieldErrors);
  }, [checks, state]);

  useEffect(() => {
    if (!checks || leftEarly.current.size === 0) return;
    for (const name of leftEarly.current) {
      const input = formRef.current?.elements.namedItem(name);
      // The field being typed in now is checked when it is left again.
      if (input === document.activeElement) continue;
      if (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement || input instanceof HTMLSelectElement) {
        checks.leftEarlier(name, input);
      }
    }
    leftEarly.current.clear();
  }, [checks]);

  const noteLeftEarly = (event: FocusEvent<HTMLFormElement>) => {
    const name = (event.target as { name?: unknown }).name;
    if (!checksRef.current && loading.current && typeof name === "string" && name !== "") leftEarly.current.add(name);
  };

  const startChecks = () => {
    loading.current ??= Promise.all([import("./client-checks"), loadSchema()]).then(
      ([{ startClientChecks }, schema]) => {
        const started = startClientChecks(schema);
        checksRef.current = started;
        setChecks(started);
      },
      () => {
        // The network dropped: the form stays plain (the server checks every post) and tries again next time.
        loading.current = null;
      },
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The answer to this post says what is wrong now.
    setOwnErrors({});
    leftEarly.current.clear();
    const post = () => {
      const element = formRef.current;
      if (element) startTransition(() => formAction(withoutEmptyFiles(new FormData(element))));
    };
    // Until the checks have loaded the post goes as it is, as without JavaScript.
    if (checks) void checks.submit(event, post);
    else post();
  };

  const imperative = useMemo(
    () => ({
      setValue(name: Name, value: string) {
        const input = textInput(formRef.current, name);
        if (input) input.value = value;
        checksRef.current?.setValue(name, value);
      },
      setError(name: string, message: string) {
        setOwnErrors((errors) => ({ ...errors, [name]: message }));
      },
      clearErrors(name: string) {
        setOwnErrors((errors) => ({ ...errors, [name]: null }));
        checksRef.current?.clearError(name);
      },
      /** The form starts again from `values` (the newer version of a recipe, say). */
      reset(values: Record<string, string>) {
        for (const [name, value] of Object.entries(values)) {
          const input = textInput(formRef.current, name);
          if (input) input.value = value;
        }
        checksRef.current?.reset(values);
      },
    }),
    [],
  );

  const form = useMemo(
    () => ({
      ...imperative,
      register: (name: Name): FieldRegistration => (checks ? checks.register(name) : { name }),
    }),
    [imperative, checks],
  );

  const errorFor = (name: string): string | undefined => {
    if (name in ownErrors) return ownErrors[name] ?? undefined;
    return checks ? messages[name] : state.fieldErrors?.[name];
  };

  return {
    form,
    state,
    pending,
    errorFor,
    formProps: {
      ref: formRef,
      action: formAction,
      onSubmit,
      onFocus: startChecks,
      onBlur: noteLeftEarly,
      onPointerDown: startChecks,
      onKeyDown: startChecks,
      noValidate: true,
      // Says whether the checks run in the browser yet; the end-to-end tests wait on it.
      "data-checks": checks ? "client" : "server",
    },
  };
}
