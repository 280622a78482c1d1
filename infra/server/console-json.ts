import { formatWithOptions } from "node:util";
import { errorFields } from "@/infra/log";

// In production every line the server writes is one JSON object for the log drain: what Next or a
// library prints through the console becomes one line here, without stacks (the digest and the
// message find the place).
type Level = "info" | "warn" | "error";

const TEXT_MAX = 1000;
const ANSI = /\u001b\[[0-9;]*m/g;
/** "    at f (file.js:1:2)", "    at ignore-listed frames", and Node's "{ … }" tail after an error. */
const STACK_LINE = /^\s+at\s/;

function isOneJsonLine(text: string): boolean {
  if (!text.startsWith("{") || !text.endsWith("}") || text.includes("\n")) return false;
  try {
    return typeof JSON.parse(text) === "object";
  } catch {
    return false;
  }
}

function withoutStack(text: string): string {
  return text
    .replace(ANSI, "")
    .split("\n")
    .filter((line) => !STACK_LINE.test(line))
    .join("\n")
    .trim();
}

function shorten(text: string): string {
  return text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX)}…` : text;
}

/** One console call as one line: unchanged when it already is a JSON line, else wrapped in one. */
export function consoleLine(level: Level, args: unknown[], now = new Date()): string {
  if (args.length === 1 && typeof args[0] === "string" && isOneJsonLine(args[0])) return args[0];
  const error = args.find((arg): arg is Error => arg instanceof Error);
  const rest = args.filter((arg) => arg !== error);
  const text = shorten(withoutStack(formatWithOptions({ breakLength: Infinity, colors: false, depth: 3 }, ...rest)));
  const digest =
    error && "digest" in error && (typeof error.digest === "string" || typeof error.digest === "number") ? String(error.digest) : undefined;
  const fields = error ? { ...(text ? { context: text } : {}), ...errorFields(error), ...(digest ? { digest } : {}) } : { message: text };
  return JSON.stringify({ time: now.toISOString(), level, event: "console", ...fields });
}

const installed = Symbol.for("pantry.consoleJson");

/** Routes console.log/info/warn/error/debug through consoleLine (production, Node runtime only). */
export function installConsoleJson(target: Console = console): void {
  const marked = target as Console & { [installed]?: true };
  if (marked[installed]) return;
  const write =
    (stream: NodeJS.WriteStream, level: Level) =>
    (...args: unknown[]) => {
      stream.write(`${consoleLine(level, args)}\n`);
    };
  target.log = write(process.stdout, "info");
  target.info = write(process.stdout, "info");
  target.debug = write(process.stdout, "info");
  target.warn = write(process.stderr, "warn");
  target.error = write(process.stderr, "error");
  marked[installed] = true;
}
