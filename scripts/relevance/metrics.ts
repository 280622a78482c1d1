import { SHAPES, type JudgedQuery, type Shape } from "./judgements";

export type ScoredQuery = {
  query: JudgedQuery;
  returned: string[];
  precision: number;
  recall: number;
  hits: number;
  /** Relevant titles the search did not return. */
  missing: string[];
  /** Returned titles that are not relevant. */
  extra: string[];
};

/**
 * P = relevant ∩ returned / returned, R = relevant ∩ returned / relevant. Nothing returned: P is 1
 * when nothing is relevant, else 0. Nothing relevant: R is 1 (nothing was missed).
 */
export function scoreQuery(query: JudgedQuery, returnedTitles: readonly string[]): ScoredQuery {
  const relevant = new Set(query.relevant);
  const returned = [...new Set(returnedTitles)];
  const hits = returned.filter((title) => relevant.has(title)).length;
  return {
    query,
    returned,
    precision: returned.length === 0 ? (relevant.size === 0 ? 1 : 0) : hits / returned.length,
    recall: relevant.size === 0 ? 1 : hits / relevant.size,
    hits,
    missing: query.relevant.filter((title) => !returned.includes(title)),
    extra: returned.filter((title) => !relevant.has(title)),
  };
}

export type Summary = {
  label: string;
  queries: number;
  /** Averaged over queries (each query weighs the same). */
  precision: number;
  recall: number;
  /** Pooled over queries: all hits over all returned / all relevant titles. */
  pooledPrecision: number;
  pooledRecall: number;
};

export function summarise(label: string, scored: readonly ScoredQuery[]): Summary {
  const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const hits = sum(scored.map((s) => s.hits));
  const returned = sum(scored.map((s) => s.returned.length));
  const relevant = sum(scored.map((s) => s.query.relevant.length));
  return {
    label,
    queries: scored.length,
    precision: mean(scored.map((s) => s.precision)),
    recall: mean(scored.map((s) => s.recall)),
    pooledPrecision: returned === 0 ? 1 : hits / returned,
    pooledRecall: relevant === 0 ? 1 : hits / relevant,
  };
}

const f1 = (s: ScoredQuery) => (s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall));

/** Lowest F1 first; ties: more wrong titles first, then by id. */
export function worst(scored: readonly ScoredQuery[], count: number): ScoredQuery[] {
  return [...scored]
    .sort(
      (a, b) =>
        f1(a) - f1(b) ||
        b.missing.length + b.extra.length - (a.missing.length + a.extra.length) ||
        (a.query.id < b.query.id ? -1 : a.query.id > b.query.id ? 1 : 0),
    )
    .slice(0, count);
}

const pct = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
const titles = (list: readonly string[], max = 12) =>
  list.length === 0 ? "-" : list.slice(0, max).join("; ") + (list.length > max ? `; … +${list.length - max} more` : "");

export function formatReport(
  scored: readonly ScoredQuery[],
  { header, unsupported }: { header: string[]; unsupported: readonly string[] },
): string {
  const lines = [...header, ""];
  lines.push(
    `${"shape".padEnd(12)} ${"queries".padStart(7)} ${"P".padStart(7)} ${"R".padStart(7)}   ${"pooled P".padStart(8)} ${"pooled R".padStart(8)}`,
  );
  const rows: Summary[] = [
    ...SHAPES.map((shape: Shape) =>
      summarise(
        shape,
        scored.filter((s) => s.query.shape === shape),
      ),
    ),
    summarise("overall", scored),
  ];
  for (const row of rows) {
    lines.push(
      `${row.label.padEnd(12)} ${String(row.queries).padStart(7)} ${pct(row.precision)} ${pct(row.recall)}   ${pct(row.pooledPrecision).padStart(8)} ${pct(row.pooledRecall).padStart(8)}`,
    );
  }
  lines.push("");
  lines.push("P and R are averaged over queries (each query weighs the same; returning nothing counts P = 1 when nothing is relevant,");
  lines.push(
    "else 0; R = 1 when nothing is relevant). Pooled: all relevant titles returned / all titles returned (P), / all relevant titles (R).",
  );
  if (unsupported.length > 0) {
    lines.push(`Unsupported by this search: ${unsupported.join(", ")}. Those queries ran with their ingredients only.`);
  }
  lines.push("", "Worst 10 queries (lowest F1):");
  for (const s of worst(scored, 10)) {
    const q = s.query;
    const extras = [
      q.without?.length ? `without ${q.without.join(", ")}` : "",
      q.diets?.length ? `diets ${q.diets.join(", ")}` : "",
      q.assumeStaples === false ? "staples not assumed" : "",
    ].filter(Boolean);
    lines.push(
      `  ${q.id} [${q.shape}] "${q.ingredients.join(", ")}"${extras.length ? ` (${extras.join("; ")})` : ""}: P ${pct(s.precision).trim()}, R ${pct(s.recall).trim()}, ${s.returned.length} returned, ${q.relevant.length} relevant`,
    );
    lines.push(`    missing: ${titles(s.missing)}`);
    lines.push(`    extra:   ${titles(s.extra)}`);
  }
  return lines.join("\n") + "\n";
}
