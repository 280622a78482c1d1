import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
const dirs = process.argv.slice(2);
const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", ...dirs], { encoding: "utf8" })
  .split("\n")
  .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !/\.test\.|\.spec\./.test(f));
let total = 0,
  comments = 0;
const per = [];
for (const f of files) {
  const lines = readFileSync(f, "utf8")
    .split("\n")
    .filter((l) => l.trim());
  let c = 0,
    inBlock = false;
  for (const l of lines) {
    const t = l.trim();
    if (inBlock) {
      c++;
      if (t.includes("*/")) inBlock = false;
      continue;
    }
    if (t.startsWith("//")) c++;
    else if (t.startsWith("/*")) {
      c++;
      if (!t.includes("*/")) inBlock = true;
    }
  }
  total += lines.length;
  comments += c;
  per.push([c / lines.length, c, lines.length, f]);
}
console.log(`comment lines ${comments}/${total} = ${((100 * comments) / total).toFixed(1)}%`);
per
  .sort((a, b) => b[1] - a[1])
  .slice(0, 15)
  .forEach((p) => console.log(p[1], p[2], p[3]));
