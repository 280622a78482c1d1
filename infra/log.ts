import { errorCode } from "./error-causes";

// One JSON line per event, for log drains. Callers pass only safe fields: never passwords or
// tokens, and addresses through maskEmail().
type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: "info" | "warn" | "error", event: string, fields: Fields) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === "info") console.log(line);
  else console.error(line);
}

export const log = {
  info: (event: string, fields: Fields = {}) => write("info", event, fields),
  warn: (event: string, fields: Fields = {}) => write("warn", event, fields),
  error: (event: string, fields: Fields = {}) => write("error", event, fields),
};

/** "bob@example.com" → "b***@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

const EMAIL_IN_TEXT = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi;
const MESSAGE_MAX = 300;

/** Name and message with addresses masked, cut short (a driver error can quote a whole query); never the stack. */
export function errorFields(error: unknown): { error: string; message: string; code?: string } {
  const name = error instanceof Error ? error.name : typeof error;
  // Driver errors carry a short code that says more than their message, often a few causes down.
  const code = errorCode(error);
  const raw = error instanceof Error ? error.message : String(error);
  const masked = raw.replace(EMAIL_IN_TEXT, (email) => maskEmail(email));
  return { error: name, message: masked.length > MESSAGE_MAX ? `${masked.slice(0, MESSAGE_MAX)}…` : masked, ...(code ? { code } : {}) };
}
