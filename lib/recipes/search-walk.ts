import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { PANTRY_STAPLES } from "./ingredients";
import { nameBit } from "./postings";

/**
 * The exact top N of a search without ranking every candidate.
 *
 * Ranking: `used` (typed names the recipe has) descending, then `missing` ascending, then id
 * descending. Level by level, u = k … 1 (k = typed names some recipe has): a recipe with exactly
 * u of the k names lacks k − u of them, so it has at least one of any k − u + 1 of them — we take
 * the k − u + 1 rarest. Their posting lists are walked merged in (nonstaple_count, recipe_id
 * desc) order straight from recipe_ingredients_walk_idx, which is the ranking order within a
 * level (missing = nonstaple_count − u when staples are assumed and none was typed), so the walk
 * stops at the N-th hit. Inside the index scan the signature discards recipes that cannot have u
 * of the names; the rest get an exact check against the recipe's postings. Higher levels are
 * usually small, so their lists are walked to the end, but they are the rarest lists.
 */

export type Hit = { id: number; used: number; missing: number };

/** Lists longer than this are not counted: the search total then reads "more than TOTAL_CAP". */
export const TOTAL_CAP = 1_000;

export type Term = { name: string; capped: number; hint: number; bit: string };
type Row = Record<string, unknown>;

const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];

export const textArray = (values: readonly string[]): SQL =>
  values.length === 0 ? sql`'{}'::text[]` : sql`ARRAY[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::text[]`;

/** Per typed name: its list length up to TOTAL_CAP + 1 (index-only, bounded), the count hint and its signature bit. */
export async function describeTerms(db: Database, terms: readonly string[]): Promise<Term[]> {
  const rows = rowsOf(
    await db.execute(sql`
      SELECT t.name,
        (SELECT count(*) FROM (SELECT 1 FROM recipe_ingredients p WHERE p.name = t.name LIMIT ${TOTAL_CAP + 1}) x)::int AS capped,
        coalesce(s.recipe_count, 0)::int AS hint,
        ${nameBit(sql`t.name`)}::text AS bit
      FROM unnest(${textArray(terms)}) AS t(name)
      LEFT JOIN ingredient_stats s ON s.name = t.name`),
  );
  return rows.map((row) => ({ name: String(row.name), capped: Number(row.capped), hint: Number(row.hint), bit: String(row.bit) }));
}

/** How many recipes have at least one of the names: exact up to TOTAL_CAP, else TOTAL_CAP and capped. */
async function countMatches(db: Database, present: readonly Term[]): Promise<{ total: number; capped: boolean }> {
  if (present.length === 0) return { total: 0, capped: false };
  if (present.some((term) => term.capped > TOTAL_CAP)) return { total: TOTAL_CAP, capped: true };
  // Every list is at most TOTAL_CAP long here, so this reads at most k × TOTAL_CAP index entries.
  // DISTINCT in a subquery, not count(DISTINCT …): PostgreSQL 18 (PGlite) plans the latter with a
  // Sort, which the walk's settings forbid, and falls back to scanning the whole primary key.
  const [row] = rowsOf(
    await db.execute(sql`
      SELECT count(*)::int AS total
      FROM (SELECT DISTINCT recipe_id FROM recipe_ingredients WHERE name = ANY(${textArray(present.map((term) => term.name))})) matches`),
  );
  return { total: Number(row?.total ?? 0), capped: false };
}

export type Level = { used: number; walked: Term[]; all: Term[]; typedStaples: string[]; assumeStaples: boolean };

/** The walk of one level: hits with exactly `used` names, in index order, optionally bounded. */
export function levelQuery(level: Level, { limit, maxMissing }: { limit?: number; maxMissing?: number }): SQL {
  // Each arm ordered itself: an arm with a WHERE stays a subquery, and only a subquery that
  // promises the order lets the planner merge the arms (Merge Append) instead of sorting them.
  const lists = level.walked.map(
    (term) => sql`(SELECT name, recipe_id, nonstaple_count, ingredient_count, signature FROM recipe_ingredients
      WHERE name = ${term.name} ORDER BY nonstaple_count, recipe_id DESC NULLS LAST)`,
  );
  const walkedNames = textArray(level.walked.map((term) => term.name));
  const bits = level.all.map((term) => sql`((m.signature & ${term.bit}::bigint) <> 0)::int`);
  return sql`
    SELECT m.recipe_id AS id, m.nonstaple_count AS nonstaple, m.ingredient_count AS total, e.used, e.staples
    FROM (${sql.join(lists, sql` UNION ALL `)}) m
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS used,
        (count(*) FILTER (WHERE p.name = ANY(${textArray(level.typedStaples)})))::int AS staples,
        min(array_position(${walkedNames}, p.name)) AS first
      FROM recipe_ingredients p
      WHERE p.recipe_id = m.recipe_id AND p.name = ANY(${textArray(level.all.map((term) => term.name))})
    ) e
    WHERE ${sql.join(bits, sql` + `)} >= ${level.used}
      ${maxMissing === undefined ? sql`` : sql`AND m.nonstaple_count <= ${maxMissing + level.used}`}
      ${maxMissing === undefined || level.assumeStaples ? sql`` : sql`AND m.ingredient_count <= ${maxMissing + level.used}`}
      AND e.used = ${level.used}
      -- a recipe on several walked lists is taken from the first (rarest) of them only
      AND e.first = array_position(${walkedNames}, m.name)
    ORDER BY m.nonstaple_count, m.recipe_id DESC NULLS LAST -- the index's order exactly (DESC alone means NULLS FIRST)
    ${limit === undefined ? sql`` : sql`LIMIT ${limit}`}`;
}

const byRank = (a: Hit, b: Hit) => a.missing - b.missing || b.id - a.id;

const toHits = (rows: Row[], assumeStaples: boolean): Hit[] =>
  rows.map((row) => {
    const used = Number(row.used);
    const missing = assumeStaples ? Number(row.nonstaple) - (used - Number(row.staples)) : Number(row.total) - used;
    return { id: Number(row.id), used, missing };
  });

/** Index order is rank order within a level only when staples are assumed and none was typed. */
const inRankOrder = (level: Level) => level.assumeStaples && level.typedStaples.length === 0;

async function levelHits(db: Database, level: Level, want: number): Promise<Hit[]> {
  const first = toHits(rowsOf(await db.execute(levelQuery(level, { limit: want }))), level.assumeStaples);
  // Otherwise a
  // recipe's missing lies between nonstaple_count − used and the exact value: take every hit
  // whose lower bound does not exceed the worst of the first `want`, then sort exactly. (When
  // staples count, missing = ingredient_count − used is read from the index: only real
  // contenders get the exact check.)
  if (first.length < want || inRankOrder(level)) return first.sort(byRank);
  const worst = Math.max(...first.map((hit) => hit.missing));
  const all = toHits(rowsOf(await db.execute(levelQuery(level, { maxMissing: worst }))), level.assumeStaples);
  return all.sort(byRank).slice(0, want);
}

/** The first `count` hits in rank order, and how many recipes match at all. */
export async function walkSearch(
  db: Database,
  terms: readonly string[],
  { assumeStaples, count }: { assumeStaples: boolean; count: number },
): Promise<{ hits: Hit[]; total: number; totalCapped: boolean }> {
  return withWalkSettings(db, (tx) => walk(tx, terms, { assumeStaples, count }));
}

/** Runs `fn` in a transaction with the planner settings the walk needs (the plan test uses it too). */
export async function withWalkSettings<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  // One snapshot for the count and every level. Sorting is switched off for it: the planner
  // cannot know a level will stop after a few hits and would otherwise sort whole lists instead
  // of merging the ordered index scans (Merge Append). JIT off: never worth it for these queries,
  // and it would start on the inflated cost estimates of a plan it could not get without a sort.
  return db.transaction(async (tx) => {
    // No parallel plans either: the levels of one query must come out in order (see walk).
    await tx.execute(sql`
      SELECT set_config('enable_sort', 'off', true), set_config('enable_incremental_sort', 'off', true),
        set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`);
    return fn(tx as unknown as Database);
  });
}

/** The typed names some recipe has, rarest first, and the levels to walk for them, best first. */
export function levelsFor(described: readonly Term[], assumeStaples: boolean): { present: Term[]; levels: Level[] } {
  const present = described
    .filter((term) => term.capped > 0)
    .sort((a, b) => a.capped - b.capped || a.hint - b.hint || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const typedStaples = assumeStaples ? present.map((term) => term.name).filter((name) => PANTRY_STAPLES.has(name)) : [];
  const levels = present.map((_, i) => ({ used: present.length - i, walked: present.slice(0, i + 1), all: present, typedStaples, assumeStaples }));
  return { present, levels };
}

/**
 * The usual case (staples assumed, none typed) in one statement: the levels, best first, under
 * one LIMIT. Append runs its arms one after the other (parallel plans are off for the walk), so
 * the lower levels are never walked once enough hits are found.
 */
export function rankedLevelsQuery(levels: readonly Level[], want: number): SQL {
  const arms = sql.join(levels.map((level) => sql`(${levelQuery(level, { limit: want })})`), sql` UNION ALL `);
  return sql`SELECT * FROM (${arms}) AS levels LIMIT ${want}`;
}

async function walk(
  db: Database,
  terms: readonly string[],
  { assumeStaples, count }: { assumeStaples: boolean; count: number },
): Promise<{ hits: Hit[]; total: number; totalCapped: boolean }> {
  const { present, levels } = levelsFor(await describeTerms(db, [...new Set(terms)]), assumeStaples);
  const { total, capped } = await countMatches(db, present);
  const want = Math.min(count, total);
  if (want === 0) return { hits: [], total, totalCapped: capped };
  if (inRankOrder(levels[0]!)) {
    return { hits: toHits(rowsOf(await db.execute(rankedLevelsQuery(levels, want))), assumeStaples), total, totalCapped: capped };
  }
  const hits: Hit[] = [];
  for (const level of levels) {
    if (hits.length >= want) break;
    hits.push(...(await levelHits(db, level, want - hits.length)));
  }
  return { hits, total, totalCapped: capped };
}
