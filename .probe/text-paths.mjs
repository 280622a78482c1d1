import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
const src = readFileSync(".probe/move.mjs", "utf8");
const MAP = eval("(" + src.match(/const MAP = (\{[\s\S]*?\n\});/)[1] + ")");
MAP["db/migrations"] = "infra/db/migrations";
MAP["db/catalogue"] = "scripts/seed/catalogue";
MAP["auth.config.ts"] = "auth/config.ts";
const pairs = Object.entries(MAP)
  .filter(([a, b]) => a !== b)
  .sort((x, y) => y[0].length - x[0].length);
const files = execFileSync("git", ["ls-files"], { encoding: "utf8" })
  .split("\n")
  .filter(
    (f) =>
      f &&
      /\.(ts|tsx|mjs|md|sql|json|sh|yml|gitattributes)$|^\.ci\/run$|^\.gitattributes$|^Procfile$/.test(f) &&
      !f.includes("snapshot.json") &&
      f !== "package-lock.json",
  );
let changed = 0;
for (const f of files) {
  let t = readFileSync(f, "utf8");
  const o = t;
  for (const [a, b] of pairs) {
    // whole path tokens only: not preceded by a path character
    const re = new RegExp("(?<![\\w/.-])" + a.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "(?![\\w-])", "g");
    t = t.replace(re, b);
    // without extension, when followed by a non-path char
    const bare = a.replace(/\.(ts|tsx)$/, ""),
      nb = b.replace(/\.(ts|tsx)$/, "");
    if (bare !== a) t = t.replace(new RegExp("(?<![\\w/.@-])" + bare.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "(?![\\w./-])", "g"), nb);
  }
  t = t.replace(/@\/infra\/db\/index"/g, '@/infra/db"');
  if (t !== o) {
    writeFileSync(f, t);
    changed++;
  }
}
console.log("changed", changed);
