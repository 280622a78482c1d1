import { catalogue } from "@/scripts/seed/catalogue/catalogue";
import { ingredientNameOf } from "@/core/ingredients/parse-line";
const counts = new Map<string, number>();
for (const r of catalogue)
  for (const line of r.ingredients) {
    const n = ingredientNameOf(line);
    if (n) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
console.log(counts.size, catalogue.length);
console.log(
  [...counts]
    .sort()
    .map(([n, c]) => `${n}\t${c}`)
    .join("\n"),
);
