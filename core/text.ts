import * as z from "zod/mini";

// C0 controls other than tab/newline/carriage return, DEL, and the bidi overrides that can make
// text display in a misleading order. PostgreSQL refuses NUL outright, so they never reach it.
const UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

// A lone surrogate cannot be stored as UTF-8: replaced up front, so what is validated is what is stored.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function stripControlCharacters(value: string): string {
  return value.replace(UNWANTED, "").replace(LONE_SURROGATE, "\ufffd");
}

/** A text field: control characters dropped, then trimmed. */
export const cleanString = (message: string) =>
  z.pipe(
    z.string({ error: message }),
    z.transform((value: string) => stripControlCharacters(value).trim()),
  );
