import { zodResolver } from "@hookform/resolvers/zod";
import { createFormControl, type FieldErrors, type FieldValues, type Resolver, type UseFormRegisterReturn } from "react-hook-form";
import type * as z from "zod/mini";

/**
 * react-hook-form's checks for a form already on the screen, created on the person's first interaction with it
 * (see useZodForm): this module, react-hook-form and the resolver load then, not with the page.
 */
export type ClientChecks = {
  register(name: string): UseFormRegisterReturn;
  /** Checks every field, shows what is wrong and focuses the first such field; calls `post` when all is well. */
  submit(event: { preventDefault(): void }, post: () => void): Promise<void>;
  setValue(name: string, value: string): void;
  clearError(name: string): void;
  /** Takes `values` as the form's new starting point, e.g. the newer version of a recipe. */
  reset(values: Record<string, string>): void;
  /** Shown next to their fields until each field is valid. */
  showServerErrors(errors: Record<string, string>): void;
  /** A field left before the checks loaded: checked now, as its blur would have been. */
  leftEarlier(name: string, input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): void;
  /** For useSyncExternalStore: the error messages by field name, a new object only when one changes. */
  subscribe(listener: () => void): () => void;
  messages(): Readonly<Record<string, string>>;
};

function messagesOf(errors: FieldErrors): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [name, error] of Object.entries(errors)) {
    if (typeof error?.message === "string") messages[name] = error.message;
  }
  return messages;
}

const sameMessages = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([name, message]) => b[name] === message);

export function startClientChecks(schema: z.ZodMiniType<FieldValues, FieldValues>): ClientChecks {
  // No default values: a field registering takes the value it has on the page, so whatever was typed before the
  // checks loaded stays (react-hook-form would otherwise write its defaults into the inputs).
  const form = createFormControl<FieldValues>({
    // The resolver's output type is the transformed one; the form works on raw input strings.
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    mode: "onTouched",
  });

  let messages: Record<string, string> = {};
  const listeners = new Set<() => void>();
  form.subscribe({
    formState: { errors: true },
    callback: ({ errors }) => {
      const next = messagesOf(errors ?? {});
      if (sameMessages(next, messages)) return;
      messages = next;
      for (const listener of listeners) listener();
    },
  });

  return {
    register: (name) => form.register(name),
    submit: (event, post) => form.handleSubmit(post)(event as never),
    setValue: (name, value) => form.setValue(name, value),
    clearError: (name) => form.clearErrors(name),
    // The fields stay registered: their inputs are the same elements, and they take the values here.
    reset: (values) => form.reset(values, { keepFieldsRef: true }),
    showServerErrors: (errors) => {
      for (const [name, message] of Object.entries(errors)) form.setError(name, { type: "server", message });
    },
    // The field's own blur handler with the real input: it is marked touched and checked, exactly as on a blur.
    leftEarlier: (name, input) => void form.register(name).onBlur({ target: input, type: "blur" }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    messages: () => messages,
  };
}
