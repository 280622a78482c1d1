import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const RESULTS_FILE = path.join(process.cwd(), "bench", "results.md");

const HEADER = `# Benchmark results

Written by \`npm run bench\` (or one of \`npm run bench:pages\`, \`bench:middleware\`, \`bench:login\`,
\`bench:weight\`, \`bench:flood\`): each script replaces its own section and leaves the others. How each
figure is taken is under its table.
`;

/**
 * Replaces one section of bench/results.md (between its markers), keeping the others, so each
 * sub-script can run alone and the file still holds the latest figure of every benchmark.
 */
export function writeSection(name: string, markdown: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, "utf8") : HEADER;
  const pattern = new RegExp(`${escape(start)}[\\s\\S]*?${escape(end)}`);
  const next = pattern.test(current) ? current.replace(pattern, block) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS_FILE, next);
  console.log(`\nwrote the "${name}" section of ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
