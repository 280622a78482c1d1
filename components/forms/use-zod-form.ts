"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { useForm, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type * as z from "zod/mini";
import { initialFormState, type FormState } from "@/web/forms/form-state";

type ServerAction = (state: FormState, formData: FormData) => Promise<FormState>;
type Schema = z.ZodMiniType<FieldValues, FieldValues>;

/** A file input left empty is an empty, unnamed file in FormData; Next's client would send it named "blob", as if chosen. */
function withoutEmptyFiles(data: FormData): FormData {
  for (const [key, value] of [...data.entries()]) {
    if (value instanceof File && value.size === 0 && value.name === "") data.delete(key);
  }
  return data;
}

/**
 * A plain <form> posting to a server action, checked as the person types with the same zod schema. zod loads on first
 * focus, not with the page; the resolver awaits it, so no check is ever skipped.
 */
export function useZodForm<S extends Schema>(loadSchema: () => Promise<S>, action: ServerAction, initialValues?: Record<string, string>) {
  const [state, formAction, pending] = useActionState(action, initialValues ? { values: initialValues } : initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  const resolverRef = useRef<Promise<Resolver<z.input<S>>> | null>(null);

  const loadResolver = () => {
    resolverRef.current ??= Promise.all([loadSchema(), import("@hookform/resolvers/zod")]).then(
      // The resolver's output type is the transformed one; the form works on raw input strings.
      ([schema, { zodResolver }]) => zodResolver(schema as never) as unknown as Resolver<z.input<S>>,
    );
    return resolverRef.current;
  };

  const form = useForm<z.input<S>>({
    resolver: async (values, context, options) => {
      let resolver: Resolver<z.input<S>>;
      try {
        resolver = await loadResolver();
      } catch {
        // The checks could not be fetched (the network dropped): let the post go, as without
        // JavaScript; the server action checks it with the same schema. Fetched again next time.
        resolverRef.current = null;
        return { values, errors: {} };
      }
      return resolver(values, context, options);
    },
    mode: "onTouched",
    defaultValues: state.values as never,
  });

  // Server errors (a common password, say) go to react-hook-form, which clears each once its field is valid.
  useEffect(() => {
    for (const [name, message] of Object.entries(state.fieldErrors ?? {})) {
      form.setError(name as Path<z.input<S>>, { type: "server", message });
    }
  }, [state, form]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => {
      const element = formRef.current;
      if (element) startTransition(() => formAction(withoutEmptyFiles(new FormData(element))));
    })(event);
  };

  const errorFor = (name: string): string | undefined => {
    const clientError = (form.formState.errors as Record<string, { message?: unknown } | undefined>)[name]?.message;
    if (typeof clientError === "string") return clientError;
    // Before hydration (or without JavaScript) the server's message is all there is.
    return form.formState.isSubmitted || Object.keys(form.formState.touchedFields).length > 0 ? undefined : state.fieldErrors?.[name];
  };

  return {
    form,
    state,
    pending,
    errorFor,
    // Focus means typing is about to start: fetch the checks now so the first blur finds them ready.
    formProps: {
      ref: formRef,
      action: formAction,
      onSubmit,
      onFocus: () => void loadResolver().catch(() => (resolverRef.current = null)),
      noValidate: true,
    },
  };
}
