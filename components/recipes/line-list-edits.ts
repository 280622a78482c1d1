/** The lines of a paste, without the blank ones; "\r\n" and "\r" count as line ends too. */
export function pastedLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** A line cut at the caret, the selection [start, end) left out: what stays, and what moves to the next line. */
export function splitAtSelection(value: string, start: number, end: number): [string, string] {
  return [value.slice(0, start), value.slice(end)];
}
