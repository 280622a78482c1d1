"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { useForm, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type ServerAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A plain <form> posting to a server action (works without JavaScript), enhanced with
 * react-hook-form and the same zod schema: with JavaScript, errors show as the person types
 * and an invalid form is never sent.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, action: ServerAction, initialValues?: Record<string, string>) {
  const [state, formAction, pending] = useActionState(action, initialValues ? { values: initialValues } : initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<z.input<S>>({
    // The resolver's output type is the transformed one; the form works on raw input strings.
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>>,
    mode: "onTouched",
    defaultValues: state.values as never,
  });

  // Errors found by the server (a common password, say) are handed to react-hook-form, which clears
  // each one as soon as its field is valid again.
  useEffect(() => {
    for (const [name, message] of Object.entries(state.fieldErrors ?? {})) {
      form.setError(name as Path<z.input<S>>, { type: "server", message });
    }
  }, [state, form]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => {
      const element = formRef.current;
      if (element) startTransition(() => formAction(new FormData(element)));
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
    formProps: { ref: formRef, action: formAction, onSubmit, noValidate: true },
  };
}
